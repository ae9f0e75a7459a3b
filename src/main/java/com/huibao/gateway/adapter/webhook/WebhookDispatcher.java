package com.huibao.gateway.adapter.webhook;

import com.huibao.gateway.app.port.OutboxQueue;
import com.huibao.gateway.app.port.OutboxQueue.Leased;
import com.huibao.gateway.crypto.WebhookSigner;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers outbox events to insurers' webhooks, at least once, safely with any number of instances on one database.
 * A poll leases due events in one transaction ({@code FOR UPDATE SKIP LOCKED}; only the earliest undelivered event
 * of each ordering key, so order holds per policy), then posts each with {@code Huibao-Event-Id},
 * {@code Huibao-Timestamp} (this attempt, Unix seconds) and {@code Huibao-Signature} over
 * {@code id.timestamp.body} ({@link WebhookSigner}: the webhook key, ES256 or SM2SM3 as the insurer chose). 2xx:
 * delivered. Otherwise retried with exponential back-off and jitter, and parked after {@code maxAttempts} until
 * replayed. A lease not settled (the instance died) expires and the event
 * is delivered by whichever instance polls next.
 */
public final class WebhookDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

    /** Delivery settings. */
    public record Settings(
            long pollMillis,
            int batch,
            Duration lease,
            int maxAttempts,
            long baseBackoffMillis,
            long requestTimeoutMillis) {}

    /** How often the pending-event gauge is refreshed (a Prometheus scrape interval is typically 15 s). */
    static final long PENDING_COUNT_MILLIS = 10_000;

    private final Vertx vertx;
    private final OutboxQueue queue;
    private final WebhookSigner signer;
    private final Settings settings;
    private final HttpClient http;
    private final AtomicBoolean polling = new AtomicBoolean();
    private final AtomicLong pending = new AtomicLong();
    private long pendingCountedAt;
    private final Timer latency;
    private final Counter failures;
    private final Counter delivered;
    private long timer = -1;
    private volatile Future<Void> current;

    public WebhookDispatcher(
            Vertx vertx, OutboxQueue queue, WebhookSigner signer, Settings settings, MeterRegistry metrics) {
        this.vertx = vertx;
        this.queue = queue;
        this.signer = signer;
        this.settings = settings;
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) settings.requestTimeoutMillis())
                .setKeepAlive(true));
        metrics.gauge("huibao_outbox_pending", pending);
        this.latency = Timer.builder("huibao_webhook_delivery_latency")
                .description("event creation to delivery")
                .register(metrics);
        this.failures = Counter.builder("huibao_webhook_failures").register(metrics);
        this.delivered = Counter.builder("huibao_webhook_delivered").register(metrics);
    }

    public void start() {
        timer = vertx.setPeriodic(settings.pollMillis(), id -> poll());
    }

    /** Stops polling and completes when the round in flight (if any) has settled its deliveries. */
    public Future<Void> stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        return current == null
                ? Future.succeededFuture()
                : current.otherwiseEmpty().mapEmpty();
    }

    /** One round: lease what is due, deliver it, settle each outcome. Overlapping rounds are skipped. */
    Future<Void> poll() {
        if (!polling.compareAndSet(false, true)) {
            return Future.succeededFuture();
        }
        Future<Void> round = queue.lease(settings.batch(), settings.lease())
                .compose(events -> {
                    List<Future<Boolean>> all = new ArrayList<>();
                    events.forEach(e -> all.add(deliver(e)));
                    return Future.join(all).transform(ar -> pauseOrResume(events, all));
                })
                .compose(v -> countPending())
                .onFailure(e -> LOG.warn("webhook poll failed: {}", e.toString()))
                .eventually(() -> {
                    polling.set(false);
                    return Future.succeededFuture();
                })
                .mapEmpty();
        current = round;
        return round;
    }

    /**
     * Refreshes {@code huibao_outbox_pending} at most every {@link #PENDING_COUNT_MILLIS}: counting reads every pending
     * event (a backlog of insurers that poll instead of registering a webhook grows without bound), too much for
     * every poll.
     */
    private Future<Void> countPending() {
        long now = System.nanoTime();
        if (pendingCountedAt != 0 && now - pendingCountedAt < PENDING_COUNT_MILLIS * 1_000_000) {
            return Future.succeededFuture();
        }
        pendingCountedAt = now;
        return queue.pendingCount().onSuccess(pending::set).mapEmpty();
    }

    /**
     * An insurer none of whose deliveries in this round succeeded is paused until the earliest next attempt of those
     * events ({@code webhooks.retry_at}): its endpoint is down or refuses everything, and every poll until then would
     * read all its events waiting behind the failed ones for nothing. One that succeeded at least once is resumed.
     */
    private Future<Void> pauseOrResume(List<Leased> events, List<Future<Boolean>> outcomes) {
        Set<String> succeeded = new HashSet<>();
        Map<String, List<UUID>> failed = new HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            Leased e = events.get(i);
            if (outcomes.get(i).succeeded() && outcomes.get(i).result()) {
                succeeded.add(e.insurerId());
            } else {
                failed.computeIfAbsent(e.insurerId(), k -> new ArrayList<>()).add(e.id());
            }
        }
        succeeded.forEach(failed::remove);
        return Future.join(
                        queue.resume(succeeded),
                        queue.pauseUntilNextAttempt(
                                failed.values().stream().flatMap(List::stream).toList()))
                .mapEmpty();
    }

    /** Delivers one event and settles it; true when the receiver took it. */
    private Future<Boolean> deliver(Leased e) {
        Buffer body = Buffer.buffer(e.payload());
        long timestamp = Instant.now().getEpochSecond();
        String id = e.id().toString();
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setAbsoluteURI(e.url())
                .setTimeout(settings.requestTimeoutMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader("Huibao-Signature", signer.sign(id, timestamp, body.getBytes(), e.signatureAlg()))
                .putHeader("Huibao-Event-Id", id)
                .putHeader("Huibao-Timestamp", String.valueOf(timestamp))
                .putHeader("Huibao-Attempt", String.valueOf(e.attempts()))
                .putHeader("Huibao-Event-Type", e.type());
        return http.request(options)
                .compose(req -> req.send(body))
                .compose(res -> res.body().map(res.statusCode()))
                .transform(ar -> ar.succeeded() && ar.result() / 100 == 2
                        ? settleDelivered(e).map(true)
                        : settleFailed(e, ar.succeeded() ? "HTTP " + ar.result() : String.valueOf(ar.cause()))
                                .map(false));
    }

    private Future<Void> settleDelivered(Leased e) {
        delivered.increment();
        latency.record(Duration.between(e.createdAt(), Instant.now()));
        return queue.delivered(e.id());
    }

    private Future<Void> settleFailed(Leased e, String error) {
        failures.increment();
        return queue.failed(
                e.id(), error, Duration.ofMillis(backoffMillis(e.attempts())), e.attempts() >= settings.maxAttempts());
    }

    /** {@code base × 2^(attempts−1)}, at most 10 minutes, then ±50 % jitter. */
    long backoffMillis(int attempts) {
        long exp = settings.baseBackoffMillis() << Math.min(20, Math.max(0, attempts - 1));
        long capped = Math.min(exp, Duration.ofMinutes(10).toMillis());
        return capped / 2 + ThreadLocalRandom.current().nextLong(capped + 1);
    }
}
