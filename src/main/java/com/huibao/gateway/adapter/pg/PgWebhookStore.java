package com.huibao.gateway.adapter.pg;

import com.huibao.gateway.app.port.WebhookStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Webhook endpoints and outbox events on PostgreSQL. */
public final class PgWebhookStore implements WebhookStore {
    private final Pool pool;

    public PgWebhookStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Future<Void> setUrl(String insurerId, String url, String signatureAlg, Instant now) {
        return pool.preparedQuery(
                        "INSERT INTO webhooks (insurer_id, url, signature_alg, updated_at) VALUES ($1, $2, $3, $4) "
                                + "ON CONFLICT (insurer_id) DO UPDATE SET url = EXCLUDED.url, signature_alg = EXCLUDED.signature_alg, "
                                // a new endpoint is tried at the next poll, even if the old one's deliveries were
                                // paused
                                + "updated_at = EXCLUDED.updated_at, retry_at = NULL")
                .execute(Tuple.of(insurerId, url, signatureAlg, now.atOffset(ZoneOffset.UTC)))
                .<Void>mapEmpty()
                .recover(e -> Future.failedFuture(PgErrors.translate(e)));
    }

    @Override
    public Future<List<Event>> events(String insurerId, String state, int limit) {
        String sql = "SELECT id, type, ordering_key, state, attempts, created_at, delivered_at, last_error, payload, "
                + "payload_z "
                + "FROM outbox WHERE insurer_id = $1" + (state == null ? "" : " AND state = $3")
                + " ORDER BY seq LIMIT $2";
        Tuple args = state == null ? Tuple.of(insurerId, limit) : Tuple.of(insurerId, limit, state);
        return pool.preparedQuery(sql)
                .execute(args)
                .map(rows -> {
                    List<Event> out = new ArrayList<>();
                    for (Row r : rows) {
                        OffsetDateTime delivered = r.getOffsetDateTime(6);
                        out.add(new Event(
                                r.getUUID(0),
                                r.getString(1),
                                r.getString(2),
                                r.getString(3),
                                r.getInteger(4),
                                r.getOffsetDateTime(5).toInstant(),
                                delivered == null ? null : delivered.toInstant(),
                                r.getString(7),
                                CompactText.read(r, 8, 9)));
                    }
                    return out;
                })
                .recover(e -> Future.failedFuture(PgErrors.translate(e)));
    }

    @Override
    public Future<Boolean> replay(String insurerId, UUID id) {
        // a replayed event is tried at the next poll, even if its insurer's deliveries were paused
        return pool.preparedQuery(
                        "WITH r AS (UPDATE outbox SET state = 'PENDING', attempts = 0, next_attempt_at = now(), "
                                + "lease_until = NULL WHERE id = $1 AND insurer_id = $2 AND state = 'PARKED' RETURNING insurer_id), "
                                + "w AS (UPDATE webhooks SET retry_at = NULL WHERE insurer_id IN (SELECT insurer_id FROM r)) "
                                + "SELECT count(*) FROM r")
                .execute(Tuple.of(id, insurerId))
                .map(r -> r.iterator().next().getLong(0) == 1)
                .recover(e -> Future.failedFuture(PgErrors.translate(e)));
    }
}
