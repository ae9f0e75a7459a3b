package com.huibao.gateway.app.port;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Insurers' webhook endpoints and their outbox events. */
public interface WebhookStore {
    /** An event as its insurer sees it. */
    record Event(
            UUID id,
            String type,
            String orderingKey,
            String state,
            int attempts,
            Instant createdAt,
            Instant deliveredAt,
            String lastError,
            String payload) {}

    Future<Void> setUrl(String insurerId, String url, String signatureAlg, Instant now);

    Future<List<Event>> events(String insurerId, String state, int limit);

    /** Puts a parked event of the insurer back in the queue; false when it has no such parked event. */
    Future<Boolean> replay(String insurerId, UUID id);
}
