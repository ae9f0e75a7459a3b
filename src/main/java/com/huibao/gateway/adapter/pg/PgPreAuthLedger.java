package com.huibao.gateway.adapter.pg;

import com.huibao.gateway.app.port.PreAuthLedger;
import com.huibao.gateway.domain.preauth.PreAuthorization;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@code pre_authorizations} and their uses inside a transaction, locked in approval-number order. */
final class PgPreAuthLedger implements PreAuthLedger {
    private static final String INSERT_USE = "INSERT INTO pre_authorization_uses (pre_authorization_id, setl_id, "
            + "feedetl_sn, quantity, used_at) VALUES ($1, $2, $3, $4, $5)";
    private static final String LOCK_USES = "SELECT u.pre_authorization_id, u.setl_id, u.feedetl_sn, u.quantity "
            + "FROM pre_authorization_uses u JOIN pre_authorizations p ON p.id = u.pre_authorization_id "
            + "WHERE u.setl_id = $1 AND NOT u.reversed ORDER BY p.approval_no, u.feedetl_sn FOR UPDATE OF p, u";
    private static final String REVERSE_USES = "WITH u AS (UPDATE pre_authorization_uses SET reversed = true "
            + "WHERE setl_id = $1 AND NOT reversed RETURNING pre_authorization_id, quantity) "
            + "UPDATE pre_authorizations p SET quantity_used = p.quantity_used - s.q FROM (SELECT "
            + "pre_authorization_id, sum(quantity) AS q FROM u GROUP BY pre_authorization_id) s "
            + "WHERE p.id = s.pre_authorization_id";

    private static final String KEEP_USES = "UPDATE pre_authorization_uses u SET quantity = CASE WHEN k.q > 0 "
            + "THEN k.q ELSE u.quantity END, reversed = (k.q = 0) FROM unnest($1::text[], $2::text[], $3::numeric[]) "
            + "AS k(s, sn, q) WHERE u.setl_id = k.s AND u.feedetl_sn = k.sn AND NOT u.reversed";
    private static final String GIVE_BACK = "UPDATE pre_authorizations p SET quantity_used = p.quantity_used - k.r "
            + "FROM (SELECT id, sum(r) AS r FROM unnest($1::uuid[], $2::numeric[]) AS t(id, r) GROUP BY id) k "
            + "WHERE p.id = k.id";

    private final SqlConnection tx;

    PgPreAuthLedger(SqlConnection tx) {
        this.tx = tx;
    }

    @Override
    public Future<Void> insert(PreAuthorization p) {
        return tx.preparedQuery(PgPreAuthorizations.INSERT)
                .execute(PgPreAuthorizations.insert(p))
                .mapEmpty();
    }

    @Override
    public Future<Optional<PreAuthorization>> lock(UUID id) {
        return tx.preparedQuery(PgPreAuthorizations.SELECT + " WHERE id = $1 FOR UPDATE")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(PgPreAuthorizations.read(rows.iterator().next())));
    }

    @Override
    public Future<Map<String, PreAuthorization>> lockByApprovalNos(Collection<String> approvalNos) {
        if (approvalNos.isEmpty()) {
            return Future.succeededFuture(Map.of());
        }
        return tx.preparedQuery(
                        PgPreAuthorizations.SELECT + " WHERE approval_no = ANY($1) ORDER BY approval_no FOR UPDATE")
                .execute(Tuple.of((Object) approvalNos.toArray(String[]::new)))
                .map(PgPreAuthStore::byNumber);
    }

    @Override
    public Future<Void> update(PreAuthorization p) {
        return tx.preparedQuery(PgPreAuthorizations.UPDATE)
                .execute(PgPreAuthorizations.update(p))
                .mapEmpty();
    }

    @Override
    public Future<Void> recordUses(List<Use> uses, Instant at) {
        if (uses.isEmpty()) {
            return Future.succeededFuture();
        }
        OffsetDateTime now = at.atOffset(ZoneOffset.UTC);
        List<Tuple> rows = uses.stream()
                .map(u -> Tuple.of(u.preAuthorizationId(), u.setlId(), u.feedetlSn(), u.quantity(), now))
                .toList();
        return tx.preparedQuery(INSERT_USE).executeBatch(rows).mapEmpty();
    }

    @Override
    public Future<List<Use>> lockUses(String setlId) {
        return tx.preparedQuery(LOCK_USES).execute(Tuple.of(setlId)).map(rows -> {
            List<Use> out = new ArrayList<>();
            for (Row r : rows) {
                out.add(new Use(r.getUUID(0), r.getString(1), r.getString(2), r.getBigDecimal(3)));
            }
            return out;
        });
    }

    @Override
    public Future<Void> reverseUses(String setlId) {
        return tx.preparedQuery(REVERSE_USES).execute(Tuple.of(setlId)).mapEmpty();
    }

    @Override
    public Future<Void> keepUses(List<KeptUse> kept) {
        if (kept.isEmpty()) {
            return Future.succeededFuture();
        }
        Future<?> uses = tx.preparedQuery(KEEP_USES)
                .execute(Tuple.tuple()
                        .addArrayOfString(
                                kept.stream().map(k -> k.use().setlId()).toArray(String[]::new))
                        .addArrayOfString(
                                kept.stream().map(k -> k.use().feedetlSn()).toArray(String[]::new))
                        .addArrayOfBigDecimal(
                                kept.stream().map(KeptUse::quantity).toArray(BigDecimal[]::new)));
        Future<?> given = tx.preparedQuery(GIVE_BACK)
                .execute(Tuple.tuple()
                        .addArrayOfUUID(kept.stream()
                                .map(k -> k.use().preAuthorizationId())
                                .toArray(UUID[]::new))
                        .addArrayOfBigDecimal(
                                kept.stream().map(KeptUse::returned).toArray(BigDecimal[]::new)));
        return Future.all(uses, given).mapEmpty();
    }
}
