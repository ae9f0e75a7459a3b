package com.huibao.gateway.boot;

import com.huibao.gateway.adapter.http.ContractLoader;
import com.huibao.gateway.adapter.http.HttpApi;
import com.huibao.gateway.adapter.http.OpsHandlers;
import com.huibao.gateway.adapter.http.auth.PatientTokenVerifier;
import com.huibao.gateway.adapter.pg.DbTarget;
import com.huibao.gateway.adapter.pg.PgMoneyGauges;
import com.huibao.gateway.adapter.pg.PgPools;
import com.huibao.gateway.adapter.pg.PgReadiness;
import com.huibao.gateway.boot.config.GatewayConfig;
import com.huibao.gateway.crypto.FastEcdsa;
import com.huibao.gateway.crypto.PiiProtector;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.PrometheusScrapingHandler;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one composition root: opens the database, builds the stores, use cases and HTTP side from the configuration
 * (each module a class of its own: {@link Database}, {@link Stores}, {@link UseCases}, {@link HttpModule},
 * {@link BackgroundJobs}), starts the server, and stops in order (readiness DOWN → drain the server → background
 * jobs → close the pool → close Vert.x → stop the embedded database).
 */
public final class Gateway {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    /** Settlement times are Beijing time. */
    static final ZoneId SETTLEMENT_ZONE = ZoneId.of("Asia/Shanghai");

    private final GatewayConfig config;
    private final Database database;
    private final Vertx vertx;
    private final Pool pool;
    private final List<HttpServer> servers;
    private final AtomicBoolean accepting;
    private final BackgroundJobs jobs;

    private Gateway(
            GatewayConfig config,
            Database database,
            Vertx vertx,
            Pool pool,
            List<HttpServer> servers,
            AtomicBoolean accepting,
            BackgroundJobs jobs) {
        this.config = config;
        this.database = database;
        this.vertx = vertx;
        this.pool = pool;
        this.servers = List.copyOf(servers);
        this.accepting = accepting;
        this.jobs = jobs;
    }

    /** Starts everything; blocks for the database and migrations, then completes when the server listens. */
    public static Future<Gateway> start(GatewayConfig config, Clock clock) {
        Database database;
        try {
            database = Database.open(config.db());
        } catch (Exception e) {
            return Future.failedFuture(e);
        }
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // p99 by operation (deploy/grafana): response times as histograms, labelled by the contract's route
        metrics.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                return id.getName().equals("vertx.http.server.response.time")
                        ? DistributionStatisticConfig.builder()
                                .percentilesHistogram(true)
                                .minimumExpectedValue(1e6)
                                .maximumExpectedValue(1e10)
                                .build()
                                .merge(config)
                        : config;
            }
        });
        Vertx vertx = Vertx.builder()
                .with(new VertxOptions()
                        .setMetricsOptions(new MicrometerMetricsOptions()
                                .setEnabled(true)
                                .setJvmMetricsEnabled(true)
                                .setLabels(EnumSet.of(
                                        Label.HTTP_ROUTE,
                                        Label.HTTP_METHOD,
                                        Label.HTTP_CODE,
                                        Label.POOL_TYPE,
                                        Label.POOL_NAME))))
                .withMetrics(new MicrometerMetricsFactory(metrics))
                .build();
        Pool pool = PgPools.create(vertx, database.target(), config.db().poolSize());
        PiiProtector pii = Keys.pii(config);
        Stores stores = Stores.on(pool, pii, SETTLEMENT_ZONE);
        Keys.Signing signing;
        PatientTokenVerifier patientTokens;
        DemoIdentityProvider demoIdp;
        Reference reference;
        try {
            signing = Keys.signing(config);
            patientTokens = Keys.patients(config, pii);
            demoIdp = config.demo() && config.patient().issuer().isEmpty()
                    ? new DemoIdentityProvider(config.demoDir().resolve("keys/patient-idp.private.jwk"), clock)
                    : null;
            reference = Reference.load(config);
        } catch (Exception e) {
            return vertx.close()
                    .eventually(() -> {
                        database.close();
                        return Future.succeededFuture();
                    })
                    .compose(v -> Future.failedFuture(e));
        }
        UseCases useCases = UseCases.of(stores, reference, signing, pii, clock, SETTLEMENT_ZONE);
        AtomicBoolean accepting = new AtomicBoolean(true);
        PgMoneyGauges money = new PgMoneyGauges(pool, metrics);
        Handler<RoutingContext> scrape = PrometheusScrapingHandler.create(metrics);
        OpsHandlers ops = new OpsHandlers(
                accepting::get,
                PgReadiness.check(pool, database.expectedSchema()),
                rc -> money.refresh().onComplete(ar -> scrape.handle(rc)));
        HttpApi.Handlers handlers =
                HttpModule.handlers(useCases, reference, ops, demoIdp, signing.slips(), clock, SETTLEMENT_ZONE);
        HttpApi.Security security = HttpModule.security(config, reference, stores, signing, patientTokens);
        BackgroundJobs jobs = new BackgroundJobs(vertx, pool, config, stores, reference, signing, metrics, clock);

        Future<Void> demo = config.demo()
                ? DemoData.load(config.demoDir(), config.plansDir(), config.listsDir(), stores.referenceData())
                        .onSuccess(v -> stores.catalog().invalidate())
                : Future.succeededFuture();
        return demo.compose(v -> ContractLoader.load(vertx))
                .compose(contract -> HttpModule.serve(vertx, contract, config, security, handlers, clock))
                .map(servers -> {
                    jobs.start();
                    LOG.info(
                            "Huibao Gateway listening on {}:{} with {} event loops (demo mode: {}; ES256 in {})",
                            config.http().host(),
                            servers.get(0).actualPort(),
                            servers.size(),
                            config.demo(),
                            FastEcdsa.isNative() ? "native code" : "Java (BouncyCastle)");
                    return new Gateway(config, database, vertx, pool, servers, accepting, jobs);
                })
                .recover(e -> vertx.close()
                        .eventually(() -> {
                            database.close();
                            return Future.succeededFuture();
                        })
                        .compose(v -> Future.failedFuture(e)));
    }

    public int port() {
        return servers.get(0).actualPort();
    }

    /** The database this instance uses (for operators' diagnostics and tests). */
    public DbTarget database() {
        return database.target();
    }

    /**
     * Graceful shutdown: readiness DOWN, drain in-flight requests, then close the pool, Vert.x and the database, in
     * that order. Runs on a plain thread: Vert.x's own close cannot be chained from one of its event loops.
     */
    public CompletableFuture<Void> stop() {
        accepting.set(false);
        return CompletableFuture.runAsync(
                () -> {
                    LOG.info(
                            "shutting down: draining for up to {} s",
                            config.http().shutdownDrainSeconds());
                    List<Future<Void>> drained = new ArrayList<>();
                    servers.forEach(
                            s -> drained.add(s.shutdown(config.http().shutdownDrainSeconds(), TimeUnit.SECONDS)));
                    await(Future.join(drained).mapEmpty(), "http servers");
                    await(jobs.stop(), "background jobs");
                    await(pool.close(), "database pool");
                    await(vertx.close(), "vert.x");
                    database.close();
                    LOG.info("stopped");
                },
                runnable -> new Thread(runnable, "gateway-stop").start());
    }

    private static void await(Future<Void> step, String what) {
        try {
            step.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("{} did not close cleanly: {}", what, e.toString());
        }
    }
}
