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

    private final Vertx vertx;
    private final WebhookDispatcher dispatcher;
    private final boolean webhooks;
    private final PgAuditChainer chainer;
    private final Reference reference;
    private final Stores stores;
    private final Clock clock;
    private long reloadTimer = -1;
    private long purgeTimer = -1;

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
        this.stores = stores;
        this.clock = clock;
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
        purgeTimer = vertx.setPeriodic(PURGE_MILLIS, id -> stores.replays().purge(clock.instant()));
        if (webhooks) {
            dispatcher.start();
        }
        chainer.start();
    }

    /** Stops the timers, lets the dispatcher settle its round and the chainer chain what is committed. */
    Future<Void> stop() {
        vertx.cancelTimer(reloadTimer);
        vertx.cancelTimer(purgeTimer);
        return dispatcher.stop().eventually(chainer::stop);
    }
}
