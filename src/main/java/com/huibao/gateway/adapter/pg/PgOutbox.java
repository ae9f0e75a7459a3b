package com.huibao.gateway.adapter.pg;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.codec.Json;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Writes events to the outbox inside the caller's transaction: an event exists exactly when the change it reports
 * does. The body sent to the insurer is {@code {"id", "type", "created_at", "data"}}; the event id lets receivers
 * drop duplicates (delivery is at least once).
 */
public final class PgOutbox {
    private PgOutbox() {}

    public static Future<Void> add(
            SqlConnection tx, String insurerId, String orderingKey, String type, ObjectNode data, Instant now) {
        UUID id = UUID.randomUUID();
        ObjectNode body =
                Json.object().put("id", id.toString()).put("type", type).put("created_at", now.toString());
        body.set("data", data);
        return tx.preparedQuery("INSERT INTO outbox (id, insurer_id, ordering_key, type, payload_z, created_at, state, "
                        + "next_attempt_at) VALUES ($1, $2, $3, $4, $5, $6, 'PENDING', $6)")
                .execute(Tuple.of(
                        id,
                        insurerId,
                        orderingKey,
                        type,
                        CompactText.of(Json.write(body)),
                        now.atOffset(ZoneOffset.UTC)))
                .mapEmpty();
    }
}
