package com.huibao.gateway.adapter.pg;

import com.huibao.gateway.domain.benefit.Accumulators;
import com.huibao.gateway.domain.benefit.PolicyResult;
import com.huibao.gateway.domain.money.Money;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes what claims add to accumulators, in the caller's transaction: one {@code accumulator_deltas} row per
 * (settlement, policy, kind, key) — what a reversal subtracts — and the matching increments of {@code accumulators}.
 */
final class PgDeltas {
    private PgDeltas() {}

    /**
     * One statement for all rows (arrays unnested), deltas and increments together: a row per statement cost PostgreSQL
     * about 0.2 ms each, seven or more per claim (docs/PERFORMANCE.md). The (policy, kind, key) of one call are
     * distinct, as ON CONFLICT DO UPDATE needs.
     */
    static Future<Void> add(SqlConnection tx, String setlId, String channel, List<PolicyResult> results) {
        return add(tx, setlId, channel, results, Map.of());
    }

    /**
     * As {@link #add(SqlConnection, String, String, List)}, the rows of a policy in {@code seqs} taking that place in
     * the policy's order (a refund's new deltas keep their settlement's place); others take the next.
     */
    static Future<Void> add(
            SqlConnection tx, String setlId, String channel, List<PolicyResult> results, Map<String, Long> seqs) {
        List<String> policies = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<String> amounts = new ArrayList<>();
        List<Long> places = new ArrayList<>();
        for (PolicyResult p : results) {
            forEachEntry(p.delta(), (kind, key, amount) -> {
                policies.add(p.policyNo());
                kinds.add(kind);
                keys.add(key);
                amounts.add(amount.value().toPlainString());
                places.add(seqs.get(p.policyNo()));
            });
        }
        if (policies.isEmpty()) {
            return Future.succeededFuture();
        }
        return tx.preparedQuery(
                        "WITH rows AS (SELECT p, k, y, a::numeric AS a, s FROM unnest($3::text[], $4::text[], "
                                + "$5::text[], $6::text[], $7::bigint[]) AS t(p, k, y, a, s)), "
                                + "deltas AS (INSERT INTO accumulator_deltas (setl_id, policy_no, channel, kind, key, amount, "
                                + "seq) SELECT $1, p, $2, k, y, a, coalesce(s, nextval('accumulator_delta_seq')) FROM rows) "
                                + "INSERT INTO accumulators (policy_no, kind, key, amount) SELECT p, k, y, a FROM rows "
                                + "ON CONFLICT (policy_no, kind, key) DO UPDATE SET amount = accumulators.amount + EXCLUDED.amount")
                .execute(Tuple.of(
                        setlId,
                        channel,
                        policies.toArray(String[]::new),
                        kinds.toArray(String[]::new),
                        keys.toArray(String[]::new),
                        amounts.toArray(String[]::new),
                        places.toArray(Long[]::new)))
                .mapEmpty();
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
