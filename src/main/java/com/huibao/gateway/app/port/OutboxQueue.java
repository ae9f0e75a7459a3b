package com.huibao.gateway.app.port;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The outbox as the webhook dispatcher works it: events are leased (any number of instances, each event to one at a
 * time, only the earliest undelivered event of each ordering key), then settled. Insurers whose endpoint failed a
 * whole round are paused until their earliest retry.
 */
public interface OutboxQueue {
    /** A leased event and where it goes; {@code attempts} counts this one. */
    record Leased(
            UUID id,
            String insurerId,
            String url,
            String payload,
            int attempts,
            Instant createdAt,
            String type,
            String signatureAlg) {}

    /** Up to {@code batch} due events of insurers with a webhook that is not paused, leased for {@code lease}. */
    Future<List<Leased>> lease(int batch, Duration lease);

    Future<Void> delivered(UUID id);

    /** A failed attempt: retried after {@code retryIn}, or parked (until replayed). */
    Future<Void> failed(UUID id, String error, Duration retryIn, boolean park);

    /** Insurers whose endpoint took a delivery: no longer paused. */
    Future<Void> resume(Collection<String> insurerIds);

    /** Pauses the insurers of these failed events until the earliest next attempt among them. */
    Future<Void> pauseUntilNextAttempt(Collection<UUID> failedEventIds);

    /** Every pending event (for the {@code huibao_outbox_pending} gauge; reads them all, so call it rarely). */
    Future<Long> pendingCount();
}
