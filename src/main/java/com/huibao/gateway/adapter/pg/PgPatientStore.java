package com.huibao.gateway.adapter.pg;

import com.huibao.gateway.app.port.InsurerCatalogStore;
import com.huibao.gateway.app.port.PatientStore;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.domain.consent.Consent;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A patient's own policies and consents; consent changes are audited in their transaction. */
public final class PgPatientStore implements PatientStore {
    private final Pool pool;

    public PgPatientStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Future<List<InsurerCatalogStore.StoredPolicy>> policies(String personKey) {
        return pool.preparedQuery("SELECT " + StoredPolicyRows.COLUMNS
                        + " FROM policies WHERE person_key = $1 ORDER BY effective_from, policy_no")
                .execute(Tuple.of(personKey))
                .map(rows -> {
                    List<InsurerCatalogStore.StoredPolicy> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(StoredPolicyRows.of(r));
                    }
                    return out;
                })
                .recover(e -> Future.failedFuture(PgErrors.translate(e)));
    }

    @Override
    public Future<Consent> grant(String personKey, Consent c) {
        return pool.withTransaction(tx -> tx.preparedQuery(
                                "INSERT INTO consents (id, person_key, insurer_id, purposes, "
                                        + "covers_from, expires_at, granted_at) VALUES ($1, $2, $3, $4, $5, $6, $7)")
                        .execute(Tuple.tuple()
                                .addUUID(c.id())
                                .addString(personKey)
                                .addString(c.insurerId())
                                .addArrayOfString(c.purposes().stream()
                                        .map(Enum::name)
                                        .sorted()
                                        .toArray(String[]::new))
                                .addLocalDate(c.coversFrom())
                                .addOffsetDateTime(c.expiresAt().atOffset(ZoneOffset.UTC))
                                .addOffsetDateTime(c.grantedAt().atOffset(ZoneOffset.UTC)))
                        .compose(v -> PgAudit.append(
                                tx,
                                "PATIENT",
                                "CONSENT_GRANTED",
                                c.id().toString(),
                                "{\"insurer_id\":\"" + c.insurerId() + "\"}",
                                c.grantedAt()))
                        .map(c))
                .recover(e -> Future.failedFuture(PgErrors.translate(e)));
    }

    @Override
    public Future<Optional<Consent>> revoke(String personKey, UUID id, Instant now) {
        return pool.withTransaction(tx -> tx.preparedQuery("UPDATE consents SET revoked_at = coalesce(revoked_at, $3) "
                                + "WHERE id = $1 AND person_key = $2 RETURNING id, insurer_id, purposes, covers_from, expires_at, "
                                + "granted_at, revoked_at, (revoked_at = $3) AS now_revoked")
                        .execute(Tuple.of(id, personKey, now.atOffset(ZoneOffset.UTC)))
                        .compose(rows -> {
                            if (rows.size() == 0) {
                                return Future.succeededFuture(Optional.<Consent>empty());
                            }
                            Row r = rows.iterator().next();
                            Consent c = PgConsentStore.read(r);
                            return !r.getBoolean(7)
                                    ? Future.succeededFuture(Optional.of(c))
                                    : PgAudit.append(
                                                    tx,
                                                    "PATIENT",
                                                    "CONSENT_REVOKED",
                                                    id.toString(),
                                                    "{\"insurer_id\":\"" + c.insurerId() + "\"}",
                                                    now)
                                            .compose(v -> PgOutbox.add(
                                                    tx,
                                                    c.insurerId(),
                                                    "consent:" + id,
                                                    "consent.revoked",
                                                    Json.object()
                                                            .put("consent_id", id.toString())
                                                            .put("revoked_at", now.toString()),
                                                    now))
                                            .map(Optional.of(c));
                        }))
                .recover(e -> Future.failedFuture(PgErrors.translate(e)));
    }
}
