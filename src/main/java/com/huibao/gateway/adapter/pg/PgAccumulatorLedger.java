package com.huibao.gateway.adapter.pg;

import com.huibao.gateway.app.port.AccumulatorLedger;
import com.huibao.gateway.domain.benefit.Accumulators;
import com.huibao.gateway.domain.benefit.PolicyResult;
import com.huibao.gateway.domain.claim.ClaimChannel;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code accumulators} and {@code accumulator_deltas} inside a transaction, policies locked in order. */
final class PgAccumulatorLedger implements AccumulatorLedger {
    private static final String LOCK_RECORDED = "SELECT policy_no FROM policies WHERE policy_no IN (SELECT policy_no "
            + "FROM accumulator_deltas WHERE setl_id = $1 AND channel = $2 AND NOT reversed) ORDER BY policy_no "
            + "FOR UPDATE";
    private static final String RECORDED = "SELECT policy_no, kind, key, amount FROM accumulator_deltas "
            + "WHERE setl_id = $1 AND channel = $2 AND NOT reversed ORDER BY policy_no, kind, key";
    private static final String SUBTRACT = "UPDATE accumulators a SET amount = a.amount - d.amount "
            + "FROM accumulator_deltas d WHERE d.setl_id = $1 AND d.channel = $2 AND NOT d.reversed "
            + "AND a.policy_no = d.policy_no AND a.kind = d.kind AND a.key = d.key";
    private static final String MARK_REVERSED =
            "UPDATE accumulator_deltas SET reversed = true WHERE setl_id = $1 AND channel = $2";

    private static final String PLACES = "SELECT policy_no, min(seq) FROM accumulator_deltas WHERE setl_id = $1 "
            + "AND channel = $2 AND NOT reversed GROUP BY policy_no";
    private static final String BEFORE = "WITH mine AS (" + PLACES + "), "
            + "later AS (SELECT d.policy_no, d.kind, d.key, sum(d.amount) AS amount FROM accumulator_deltas d "
            + "JOIN mine m ON m.policy_no = d.policy_no AND d.seq >= m.min WHERE NOT d.reversed "
            + "GROUP BY d.policy_no, d.kind, d.key) "
            + "SELECT a.policy_no, a.kind, a.key, a.amount - coalesce(l.amount, 0) FROM accumulators a "
            + "JOIN mine m ON m.policy_no = a.policy_no "
            + "LEFT JOIN later l ON l.policy_no = a.policy_no AND l.kind = a.kind AND l.key = a.key "
            + "ORDER BY a.policy_no, a.kind, a.key";
    private static final String DELETE_LIVE =
            "DELETE FROM accumulator_deltas WHERE setl_id = $1 AND channel = $2 AND NOT reversed";

    private final SqlConnection tx;

    PgAccumulatorLedger(SqlConnection tx) {
        this.tx = tx;
    }

    @Override
    public Future<Void> lock(List<String> policyNos) {
        return PgPolicyLocks.lock(tx, policyNos);
    }

    @Override
    public Future<Map<String, Accumulators>> of(Collection<String> policyNos) {
        return new PgAccumulatorStore(tx).of(policyNos);
    }

    @Override
    public Future<Void> add(String setlId, ClaimChannel channel, List<PolicyResult> results) {
        return PgDeltas.add(tx, setlId, channel.name(), results);
    }

    @Override
    public Future<Map<String, Accumulators>> lockRecorded(String setlId, ClaimChannel channel) {
        Tuple args = Tuple.of(setlId, channel.name());
        Future<?> locked = tx.preparedQuery(LOCK_RECORDED).execute(args);
        return locked.compose(v -> tx.preparedQuery(RECORDED).execute(args)).map(PgAccumulatorStore::fold);
    }

    @Override
    public Future<Map<String, Accumulators>> before(String setlId, ClaimChannel channel) {
        return tx.preparedQuery(BEFORE)
                .execute(Tuple.of(setlId, channel.name()))
                .map(PgAccumulatorStore::fold);
    }

    @Override
    public Future<Void> replaceRecorded(String setlId, ClaimChannel channel, List<PolicyResult> results) {
        Tuple args = Tuple.of(setlId, channel.name());
        return tx.preparedQuery(PLACES).execute(args).compose(rows -> {
            Map<String, Long> places = new HashMap<>();
            rows.forEach(r -> places.put(r.getString(0), r.getLong(1)));
            return tx.preparedQuery(SUBTRACT)
                    .execute(args)
                    .compose(v -> tx.preparedQuery(DELETE_LIVE).execute(args))
                    .compose(v -> PgDeltas.add(tx, setlId, channel.name(), results, places));
        });
    }

    @Override
    public Future<Void> subtractRecorded(String setlId, ClaimChannel channel) {
        Tuple args = Tuple.of(setlId, channel.name());
        Future<?> subtracted = tx.preparedQuery(SUBTRACT).execute(args);
        Future<?> marked = tx.preparedQuery(MARK_REVERSED).execute(args);
        return Future.all(subtracted, marked).mapEmpty();
    }
}
