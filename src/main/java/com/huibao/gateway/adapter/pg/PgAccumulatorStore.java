package com.huibao.gateway.adapter.pg;

import com.huibao.gateway.app.port.AccumulatorStore;
import com.huibao.gateway.domain.benefit.Accumulators;
import com.huibao.gateway.domain.money.Money;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Accumulators as rows (policy, kind, key, amount); {@code kind} is deductible, paid or total. */
public final class PgAccumulatorStore implements AccumulatorStore {
    /**
     * One policy (the common case) by equality, several by {@code ANY}: PostgreSQL keeps a generic plan for the first,
     * but plans {@code = ANY($1)} afresh on every call (its generic estimate assumes ten elements and loses to the
     * custom plan), about 80 µs of planning per call, more than the lookup itself (docs/PERFORMANCE.md).
     */
    private static final String SELECT_ONE =
            "SELECT policy_no, kind, key, amount FROM accumulators " + "WHERE policy_no = $1 ORDER BY kind, key";

    private static final String SELECT_MANY = "SELECT policy_no, kind, key, amount FROM accumulators "
            + "WHERE policy_no = ANY($1) ORDER BY policy_no, kind, key";

    private final SqlClient client;

    public PgAccumulatorStore(SqlClient client) {
        this.client = client;
    }

    @Override
    public Future<Map<String, Accumulators>> of(Collection<String> policyNos) {
        if (policyNos.isEmpty()) {
            return Future.succeededFuture(Map.of());
        }
        Future<RowSet<Row>> rows = policyNos.size() == 1
                ? client.preparedQuery(SELECT_ONE)
                        .execute(Tuple.of(policyNos.iterator().next()))
                : client.preparedQuery(SELECT_MANY).execute(Tuple.of(policyNos.toArray(String[]::new)));
        return rows.map(PgAccumulatorStore::fold);
    }

    static Map<String, Accumulators> fold(RowSet<Row> rows) {
        Map<String, Map<String, Money>> deductible = new HashMap<>();
        Map<String, Map<String, Money>> paid = new HashMap<>();
        Map<String, Money> total = new HashMap<>();
        Map<String, Map<String, Money>> limits = new HashMap<>();
        Map<String, Map<String, Long>> counts = new HashMap<>();
        for (Row r : rows) {
            String policy = r.getString(0);
            Money amount = Money.of(r.getBigDecimal(3));
            if (amount.isZero() && !"total".equals(r.getString(1))) {
                // a key at zero (its claims reversed or refunded) is a key never used: the domain's equality says so,
                // and a preview then shows a policy's accumulators the same whether or not a reversal came before
                continue;
            }
            switch (r.getString(1)) {
                case "deductible" ->
                    deductible
                            .computeIfAbsent(policy, k -> new LinkedHashMap<>())
                            .put(r.getString(2), amount);
                case "paid" ->
                    paid.computeIfAbsent(policy, k -> new LinkedHashMap<>()).put(r.getString(2), amount);
                case "limit" ->
                    limits.computeIfAbsent(policy, k -> new LinkedHashMap<>()).put(r.getString(2), amount);
                case "count" ->
                    counts.computeIfAbsent(policy, k -> new LinkedHashMap<>()).put(r.getString(2), amount.fen() / 100);
                default -> total.put(policy, amount);
            }
        }
        Map<String, Accumulators> out = new HashMap<>();
        Set<String> policies = new HashSet<>(total.keySet());
        policies.addAll(deductible.keySet());
        policies.addAll(paid.keySet());
        policies.addAll(limits.keySet());
        policies.addAll(counts.keySet());
        for (String p : policies) {
            out.put(
                    p,
                    new Accumulators(
                            deductible.getOrDefault(p, Map.of()),
                            paid.getOrDefault(p, Map.of()),
                            total.getOrDefault(p, Money.ZERO),
                            limits.getOrDefault(p, Map.of()),
                            counts.getOrDefault(p, Map.of())));
        }
        return out;
    }
}
