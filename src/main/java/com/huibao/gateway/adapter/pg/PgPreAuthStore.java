package com.huibao.gateway.adapter.pg;

import com.huibao.gateway.app.port.PreAuthStore;
import com.huibao.gateway.domain.preauth.PreAuthState;
import com.huibao.gateway.domain.preauth.PreAuthorization;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Pre-authorizations as read outside a transaction. */
public final class PgPreAuthStore implements PreAuthStore {
    private final Pool pool;

    public PgPreAuthStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Future<Optional<PreAuthorization>> find(UUID id) {
        return pool.preparedQuery(PgPreAuthorizations.SELECT + " WHERE id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0
                        ? Optional.<PreAuthorization>empty()
                        : Optional.of(PgPreAuthorizations.read(rows.iterator().next())))
                .recover(e -> Future.failedFuture(PgErrors.translate(e)));
    }

    @Override
    public Future<Map<String, PreAuthorization>> byApprovalNos(Collection<String> approvalNos) {
        if (approvalNos.isEmpty()) {
            return Future.succeededFuture(Map.of());
        }
        return pool.preparedQuery(PgPreAuthorizations.SELECT + " WHERE approval_no = ANY($1)")
                .execute(Tuple.of((Object) approvalNos.toArray(String[]::new)))
                .map(PgPreAuthStore::byNumber)
                .recover(e -> Future.failedFuture(PgErrors.translate(e)));
    }

    @Override
    public Future<List<PreAuthorization>> forInsurer(String insurerId, PreAuthState state, int limit) {
        String sql = PgPreAuthorizations.SELECT + " WHERE insurer_id = $1" + (state == null ? "" : " AND state = $3")
                + " ORDER BY requested_at, id LIMIT $2";
        Tuple args = state == null ? Tuple.of(insurerId, limit) : Tuple.of(insurerId, limit, state.name());
        return pool.preparedQuery(sql)
                .execute(args)
                .map(PgPreAuthStore::list)
                .recover(e -> Future.failedFuture(PgErrors.translate(e)));
    }

    @Override
    public Future<List<PreAuthorization>> forPerson(String personKey) {
        return pool.preparedQuery(PgPreAuthorizations.SELECT + " WHERE person_key = $1 ORDER BY requested_at DESC")
                .execute(Tuple.of(personKey))
                .map(PgPreAuthStore::list)
                .recover(e -> Future.failedFuture(PgErrors.translate(e)));
    }

    static Map<String, PreAuthorization> byNumber(RowSet<Row> rows) {
        Map<String, PreAuthorization> out = new HashMap<>();
        for (Row r : rows) {
            PreAuthorization p = PgPreAuthorizations.read(r);
            out.put(p.approvalNo(), p);
        }
        return out;
    }

    private static List<PreAuthorization> list(RowSet<Row> rows) {
        List<PreAuthorization> out = new ArrayList<>();
        rows.forEach(r -> out.add(PgPreAuthorizations.read(r)));
        return out;
    }
}
