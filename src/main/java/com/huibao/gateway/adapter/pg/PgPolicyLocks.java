package com.huibao.gateway.adapter.pg;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.util.List;

/**
 * Row locks on policies for a transaction that changes their accumulators: several in policy-number order (as
 * everywhere, so that two transactions never wait for each other crosswise), one by equality (a plan PostgreSQL
 * keeps; {@code = ANY($1)} is planned afresh on every call, see {@link PgAccumulatorStore}).
 */
final class PgPolicyLocks {
    private PgPolicyLocks() {}

    static Future<Void> lock(SqlConnection tx, List<String> policyNos) {
        Future<?> locked = policyNos.size() == 1
                ? tx.preparedQuery("SELECT policy_no FROM policies WHERE policy_no = $1 FOR UPDATE")
                        .execute(Tuple.of(policyNos.get(0)))
                : tx.preparedQuery(
                                "SELECT policy_no FROM policies WHERE policy_no = ANY($1) ORDER BY policy_no FOR UPDATE")
                        .execute(Tuple.of((Object) policyNos.toArray(String[]::new)));
        return locked.mapEmpty();
    }
}
