package com.huibao.gateway.boot;

import com.huibao.gateway.adapter.pg.PgAuditChainer;
import com.huibao.gateway.adapter.webhook.WebhookDispatcher;
import com.huibao.gateway.boot.config.GatewayConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;

/**
 * What runs besides requests: the webhook dispatcher, the audit chainer, re-reading reference files and purging
 * used request tokens. Started once the server listens; stopped after it drained.
 */
final class BackgroundJobs {
    private static final long RELOAD_MILLIS = 2000;
    private static final long PURGE_MILLIS = 60_000;
    /** Expired token ids deleted at once: about 15 ms of an idle PostgreSQL on the bench machine. */
    private static final int PURGE_BATCH = 5_000;
    /** Between two batches of one pass: the requests' statements run in between. */
    private static final long PURGE_PAUSE_MILLIS = 200;

    private final Vertx vertx;
    private final WebhookDispatcher dispatcher;
    private final boolean webhooks;
    private final PgAuditChainer chainer;
    private final Reference reference;
    private final TokenPurge purge;
    private long reloadTimer = -1;

    BackgroundJobs(
            Vertx vertx,
            Pool pool,
            GatewayConfig config,
            Stores stores,
            Reference reference,
            Keys.Signing signing,
            MeterRegistry metrics,
            Clock clock) {
        this.vertx = vertx;
        GatewayConfig.WebhookConfig wh = config.webhooks();
        this.dispatcher = new WebhookDispatcher(
                vertx,
                stores.outbox(),
                signing.webhooks(),
                new WebhookDispatcher.Settings(
                        wh.pollMillis(),
                        wh.batch(),
                        Duration.ofSeconds(wh.leaseSeconds()),
                        wh.maxAttempts(),
                        wh.baseBackoffMillis(),
                        wh.requestTimeoutMillis()),
                metrics);
        this.webhooks = wh.enabled();
        this.chainer = new PgAuditChainer(
                vertx, pool, config.audit().chainMillis(), config.audit().chainBatch(), metrics);
        this.reference = reference;
        this.purge = new TokenPurge(
                vertx,
                (now, n) -> stores.replays().purge(now, n),
                clock,
                PURGE_MILLIS,
                PURGE_PAUSE_MILLIS,
                PURGE_BATCH);
    }

    void start() {
        reloadTimer = vertx.setPeriodic(
                RELOAD_MILLIS,
                id -> vertx.executeBlocking(
                        () -> {
                            reference.reloadIfChanged();
                            return null;
                        },
                        false));
        purge.start();
        if (webhooks) {
            dispatcher.start();
        }
        chainer.start();
    }

    /** Stops the timers, lets the dispatcher settle its round and the chainer chain what is committed. */
    Future<Void> stop() {
        vertx.cancelTimer(reloadTimer);
        purge.stop();
        return dispatcher.stop().eventually(chainer::stop);
    }
}
