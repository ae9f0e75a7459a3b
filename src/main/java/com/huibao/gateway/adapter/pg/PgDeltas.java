package com.huibao.gateway.adapter.pg;

import com.huibao.gateway.domain.benefit.Accumulators;
import com.huibao.gateway.domain.benefit.PolicyResult;
import com.huibao.gateway.domain.money.Money;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes what claims add to accumulators, in the caller's transaction: one {@code accumulator_deltas} row per
 * (settlement, policy, kind, key) — what a reversal subtracts — and the matching increments of {@code accumulators}.
 */
final class PgDeltas {
  private PgDeltas() {
  }

  static Future<Void> add(SqlConnection tx, String setlId, String channel, List<PolicyResult> results) {
    List<Tuple> deltas = new ArrayList<>();
    List<Tuple> increments = new ArrayList<>();
    for (PolicyResult p : results) {
      forEachEntry(p.delta(), (kind, key, amount) -> {
        deltas.add(Tuple.of(setlId, p.policyNo(), channel, kind, key, amount.value()));
        increments.add(Tuple.of(p.policyNo(), kind, key, amount.value()));
      });
    }
    return batch(tx, "INSERT INTO accumulator_deltas (setl_id, policy_no, channel, kind, key, amount) "
            + "VALUES ($1, $2, $3, $4, $5, $6)", deltas)
        .compose(v -> batch(tx, "INSERT INTO accumulators (policy_no, kind, key, amount) VALUES ($1, $2, $3, $4) "
            + "ON CONFLICT (policy_no, kind, key) DO UPDATE SET amount = accumulators.amount + EXCLUDED.amount",
            increments));
  }

  static Future<Void> batch(SqlConnection tx, String sql, List<Tuple> rows) {
    return rows.isEmpty() ? Future.succeededFuture() : tx.preparedQuery(sql).executeBatch(rows).mapEmpty();
  }

  /** Every (kind, key, amount) of an accumulator delta: deductible per pool, paid per responsibility, limits,
   * counts (as whole amounts), total. */
  interface EntryConsumer {
    void accept(String kind, String key, Money amount);
  }

  static void forEachEntry(Accumulators a, EntryConsumer c) {
    if (a.isEmpty() && a.deductible().isEmpty() && a.paid().isEmpty()) {
      return;
    }
    a.deductible().forEach((k, v) -> c.accept("deductible", k, v));
    a.paid().forEach((k, v) -> c.accept("paid", k, v));
    a.limits().forEach((k, v) -> c.accept("limit", k, v));
    a.counts().forEach((k, v) -> c.accept("count", k, Money.ofFen(v * 100)));
    c.accept("total", "", a.total());
  }
}
