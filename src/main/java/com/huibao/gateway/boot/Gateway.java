package com.huibao.gateway.boot;

import com.huibao.gateway.adapter.auth.ClientRegistry;
import com.huibao.gateway.adapter.auth.PatientTokenVerifier;
import com.huibao.gateway.adapter.auth.RequestAuthenticator;
import com.huibao.gateway.adapter.crypto.PiiProtector;
import com.huibao.gateway.adapter.http.RateLimiter;
import com.huibao.gateway.adapter.http.ClaimHandlers;
import com.huibao.gateway.adapter.http.ContractLoader;
import com.huibao.gateway.adapter.http.DataFeedHandlers;
import com.huibao.gateway.adapter.http.HospitalHandlers;
import com.huibao.gateway.adapter.http.HttpApi;
import com.huibao.gateway.adapter.http.InsurerHandlers;
import com.huibao.gateway.adapter.http.OpsHandlers;
import com.huibao.gateway.adapter.http.PatientHandlers;
import com.huibao.gateway.adapter.http.WebhookHandlers;
import com.huibao.gateway.adapter.json.DialectsJson;
import com.huibao.gateway.adapter.json.InstitutionDirectory;
import com.huibao.gateway.adapter.json.SettlementReader;
import com.huibao.gateway.adapter.pg.PgWebhookStore;
import com.huibao.gateway.adapter.webhook.WebhookDispatcher;
import com.huibao.gateway.app.insurer.WebhooksUseCase;
import com.huibao.gateway.adapter.pg.DbTarget;
import com.huibao.gateway.adapter.pg.EmbeddedDatabase;
import com.huibao.gateway.adapter.pg.Migrations;
import com.huibao.gateway.adapter.pg.PgAccessLog;
import com.huibao.gateway.adapter.pg.PgAccumulatorStore;
import com.huibao.gateway.adapter.pg.PgAuditChainer;
import com.huibao.gateway.adapter.pg.PgCatalogStore;
import com.huibao.gateway.adapter.pg.PgClaimStore;
import com.huibao.gateway.adapter.pg.PgConsentStore;
import com.huibao.gateway.adapter.pg.PgDirectSettlementStore;
import com.huibao.gateway.adapter.pg.PgInsurerCatalogStore;
import com.huibao.gateway.adapter.pg.PgSettlementStore;
import com.huibao.gateway.adapter.pg.PgPatientStore;
import com.huibao.gateway.adapter.pg.PgPolicyStore;
import com.huibao.gateway.adapter.pg.PgPools;
import com.huibao.gateway.adapter.pg.PgReferenceData;
import com.huibao.gateway.adapter.pg.PgReplayGuard;
import com.huibao.gateway.app.insurer.ClaimsUseCase;
import com.huibao.gateway.app.insurer.InsurerDocuments;
import com.huibao.gateway.app.insurer.PoliciesUseCase;
import com.huibao.gateway.app.insurer.QuickClaimUseCase;
import com.huibao.gateway.app.patient.ConsentsUseCase;
import com.huibao.gateway.app.settlement.ConfirmDirectSettlementUseCase;
import com.huibao.gateway.app.settlement.GetDirectSettlementUseCase;
import com.huibao.gateway.app.settlement.IngestSettlementUseCase;
import com.huibao.gateway.app.settlement.PatientCases;
import com.huibao.gateway.app.settlement.PreviewDirectSettlementUseCase;
import com.huibao.gateway.app.settlement.ReconciliationUseCase;
import com.huibao.gateway.app.settlement.ReverseDirectSettlementUseCase;
import com.huibao.gateway.app.settlement.SettlementChecks;
import com.huibao.gateway.boot.config.GatewayConfig;
import com.huibao.gateway.domain.consent.ConsentRules;
import com.huibao.gateway.domain.settlement.SettlementValidator;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.PrometheusScrapingHandler;
import io.vertx.sqlclient.Pool;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one composition root: builds every adapter and use case from the configuration, starts the server, and
 * stops in order (readiness DOWN → drain the server → stop timers, chain the last audit records → close the pool
 * → close Vert.x → stop the embedded database).
 */
public final class Gateway {
  private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
  /** Settlement times are Beijing time. */
  static final ZoneId SETTLEMENT_ZONE = ZoneId.of("Asia/Shanghai");

  private final GatewayConfig config;
  private final DbTarget database;
  private final EmbeddedDatabase embedded;
  private final Vertx vertx;
  private final Pool pool;
  private final List<HttpServer> servers;
  private final AtomicBoolean accepting;
  private final long registryTimer;
  private final WebhookDispatcher dispatcher;
  private final PgAuditChainer chainer;

  private Gateway(GatewayConfig config, DbTarget database, EmbeddedDatabase embedded, Vertx vertx, Pool pool,
      List<HttpServer> servers, AtomicBoolean accepting, long registryTimer, WebhookDispatcher dispatcher,
      PgAuditChainer chainer) {
    this.dispatcher = dispatcher;
    this.chainer = chainer;
    this.config = config;
    this.database = database;
    this.embedded = embedded;
    this.vertx = vertx;
    this.pool = pool;
    this.servers = List.copyOf(servers);
    this.accepting = accepting;
    this.registryTimer = registryTimer;
  }

  /** Starts everything; blocks for the database and migrations, then completes when the server listens. */
  public static Future<Gateway> start(GatewayConfig config, Clock clock) {
    EmbeddedDatabase embedded = null;
    DbTarget db;
    try {
      if (config.db().embedded()) {
        embedded = EmbeddedDatabase.start(config.db().embeddedDir(), config.db().embeddedPort(), false);
        db = embedded.target();
        LOG.info("embedded PostgreSQL started on port {} with data in {}", db.port(), config.db().embeddedDir());
      } else {
        db = DbTarget.parse(config.db().url(), config.db().user(), config.db().password());
      }
      String schema = Migrations.migrate(db);
      LOG.info("database {} migrated to schema version {}", db, schema);
    } catch (IOException | RuntimeException e) {
      closeQuietly(embedded);
      return Future.failedFuture(e);
    }
    final EmbeddedDatabase startedDb = embedded;
    final DbTarget target = db;
    final String expectedSchema = Migrations.latestAvailable(db);

    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Vertx vertx = Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true)
            .setJvmMetricsEnabled(true)))
        .withMetrics(new MicrometerMetricsFactory(registry))
        .build();
    Pool pool = PgPools.create(vertx, db, config.db().poolSize());
    PiiProtector pii = Keys.pii(config);

    List<Path> clientDirs = new ArrayList<>(List.of(config.clientsDir()));
    if (config.demo()) {
      clientDirs.add(config.demoDir().resolve("clients"));
    }
    ClientRegistry clients = new ClientRegistry(clientDirs);
    RequestAuthenticator authenticator = new RequestAuthenticator(clients, config.gatewayId(),
        Duration.ofSeconds(config.auth().maxTokenLifetimeSeconds()), Duration.ofSeconds(config.auth().clockSkewSeconds()));
    PgReplayGuard replays = new PgReplayGuard(pool);
    Keys.Signing signing;
    PatientTokenVerifier patientTokens;
    DemoIdentityProvider demoIdp;
    try {
      signing = Keys.signing(config);
      patientTokens = Keys.patients(config, pii);
      demoIdp = config.demo() && config.patient().issuer().isEmpty()
          ? new DemoIdentityProvider(config.demoDir().resolve("keys/patient-idp.private.jwk"), clock) : null;
    } catch (Exception e) {
      return vertx.close().compose(v -> Future.failedFuture(e));
    }

    PgCatalogStore catalog = new PgCatalogStore(pool, 1000, System::currentTimeMillis);
    PgAccessLog accessLog = new PgAccessLog(pool);
    SettlementReader reader;
    try {
      reader = new SettlementReader(DialectsJson.load(config.reference().profilesDir()));
    } catch (RuntimeException e) {
      return vertx.close().compose(v -> Future.failedFuture(e));
    }
    List<Path> institutionDirs = new ArrayList<>(List.of(config.reference().institutionsDir()));
    if (config.demo()) {
      institutionDirs.add(config.demoDir().resolve("institutions"));
    }
    InstitutionDirectory institutions = new InstitutionDirectory(institutionDirs);
    PatientCases cases = new PatientCases(pii, new PgPolicyStore(pool), catalog, new PgAccumulatorStore(pool),
        new PgConsentStore(pool), new ConsentRules(SETTLEMENT_ZONE), institutions, clock);
    SettlementChecks checks = new SettlementChecks(new SettlementValidator(reader.dialects().validationProfiles()));
    PgDirectSettlementStore directSettlements = new PgDirectSettlementStore(pool, pii, SETTLEMENT_ZONE);
    HospitalHandlers hospital = new HospitalHandlers(
        new PreviewDirectSettlementUseCase(checks, cases, accessLog, clock),
        new ConfirmDirectSettlementUseCase(checks, cases, directSettlements, accessLog, clock),
        new GetDirectSettlementUseCase(directSettlements, accessLog, clock),
        new ReverseDirectSettlementUseCase(directSettlements, clock),
        new ReconciliationUseCase(directSettlements), reader);
    PgAccumulatorStore accumulatorStore = new PgAccumulatorStore(pool);
    PgInsurerCatalogStore published = new PgInsurerCatalogStore(pool, pii, catalog);
    InsurerHandlers insurer = new InsurerHandlers(new InsurerDocuments(published, catalog),
        new PoliciesUseCase(published, catalog, accumulatorStore, accessLog, clock));
    PgClaimStore claimStore = new PgClaimStore(pool, pii, SETTLEMENT_ZONE);
    ClaimHandlers claimHandlers = new ClaimHandlers(
        new ClaimsUseCase(claimStore, new PgConsentStore(pool), new ConsentRules(SETTLEMENT_ZONE), accessLog, clock),
        new QuickClaimUseCase(published, claimStore, cases, accessLog, reader, clock, SETTLEMENT_ZONE));
    PatientHandlers patientHandlers = new PatientHandlers(new ConsentsUseCase(new PgPatientStore(pool),
        new PgConsentStore(pool), signing.receipts(), claimStore, accessLog, clock), demoIdp);
    WebhookHandlers webhookHandlers = new WebhookHandlers(new WebhooksUseCase(new PgWebhookStore(pool), clock,
        signing.webhooks().signsSm2()));
    GatewayConfig.WebhookConfig wh = config.webhooks();
    WebhookDispatcher dispatcher = new WebhookDispatcher(vertx, pool, signing.webhooks(), new WebhookDispatcher.Settings(
        wh.pollMillis(), wh.batch(), Duration.ofSeconds(wh.leaseSeconds()), wh.maxAttempts(), wh.baseBackoffMillis(),
        wh.requestTimeoutMillis()), registry);
    PgAuditChainer chainer = new PgAuditChainer(vertx, pool, config.audit().chainMillis(), config.audit().chainBatch(),
        registry);
    DataFeedHandlers dataFeed = new DataFeedHandlers(new IngestSettlementUseCase(checks,
        new PgSettlementStore(pool, pii), cases, claimStore, clock, SETTLEMENT_ZONE), reader);

    AtomicBoolean accepting = new AtomicBoolean(true);
    OpsHandlers ops = new OpsHandlers(accepting::get,
        () -> pool.query("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank DESC "
            + "LIMIT 1").execute().map(rows -> {
              String applied = rows.iterator().next().getString(0);
              if (!expectedSchema.equals(applied)) {
                throw new IllegalStateException("schema is at " + applied + ", this build needs " + expectedSchema);
              }
              return applied;
            }),
        PrometheusScrapingHandler.create(registry));

    Future<Void> demo = config.demo()
        ? DemoData.load(config.demoDir(), config.plansDir(), config.listsDir(),
            new PgReferenceData(pool, pii)).onSuccess(v -> catalog.invalidate())
        : Future.succeededFuture();
    return demo
        .compose(v -> ContractLoader.load(vertx))
        .compose(contract -> {
          HttpApi api = new HttpApi(vertx, contract, authenticator, replays, signing.responses(), signing.jwks(),
              new RateLimiter(config.rateLimit().perSecond(), config.rateLimit().burst(), System::nanoTime), clock,
              config.http().bodyLimitBytes(), config.http().maxInFlight(), ops,
              hospital, dataFeed, insurer, claimHandlers, patientHandlers, webhookHandlers,
              patientTokens);
          List<HttpServer> servers = new java.util.concurrent.CopyOnWriteArrayList<>();
          int port;
          try {
            port = config.http().port() != 0 ? config.http().port() : freePort(config.http().host());
          } catch (IOException e) {
            return Future.failedFuture(e);
          }
          HttpServerOptions options = new HttpServerOptions().setHost(config.http().host()).setPort(port)
              .setCompressionSupported(true);
          // servers of one Vert.x on one host and port share it, each on its own event loop; with port 0 each would
          // bind a port of its own, hence a free port chosen first
          return vertx.deployVerticle(() -> new ServerVerticle(options, api::router, servers),
                  new io.vertx.core.DeploymentOptions().setInstances(config.http().effectiveInstances()))
              .map(v -> servers);
        })
        .map(servers -> {
          HttpServer server = servers.get(0);
          long timer = vertx.setPeriodic(2000, id -> vertx.executeBlocking(() -> {
            clients.reloadIfChanged();
            return institutions.reloadIfChanged();
          }, false));
          vertx.setPeriodic(60_000, id -> replays.purge(clock.instant()));
          if (wh.enabled()) {
            dispatcher.start();
          }
          chainer.start();
          LOG.info("Huibao Gateway listening on {}:{} with {} event loops (demo mode: {}; ES256 in {})",
              config.http().host(), server.actualPort(), servers.size(), config.demo(),
              com.huibao.gateway.adapter.crypto.FastEcdsa.isNative() ? "native code" : "Java (BouncyCastle)");
          return new Gateway(config, target, startedDb, vertx, pool, servers, accepting, timer, dispatcher,
              chainer);
        })
        .recover(e -> vertx.close().eventually(() -> {
          closeQuietly(startedDb);
          return Future.succeededFuture();
        }).compose(v -> Future.failedFuture(e)));
  }

  private static int freePort(String host) throws IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(host))) {
      return socket.getLocalPort();
    }
  }

  public int port() {
    return servers.get(0).actualPort();
  }

  /** The database this instance uses (for operators' diagnostics and tests). */
  public DbTarget database() {
    return database;
  }

  /**
   * Graceful shutdown: readiness DOWN, drain in-flight requests, then close the pool, Vert.x and the database, in
   * that order. Runs on a plain thread: Vert.x's own close cannot be chained from one of its event loops.
   */
  public CompletableFuture<Void> stop() {
    accepting.set(false);
    return CompletableFuture.runAsync(() -> {
      LOG.info("shutting down: draining for up to {} s", config.http().shutdownDrainSeconds());
      List<Future<Void>> drained = new ArrayList<>();
      servers.forEach(s -> drained.add(s.shutdown(config.http().shutdownDrainSeconds(), TimeUnit.SECONDS)));
      await(Future.join(drained).mapEmpty(), "http servers");
      vertx.cancelTimer(registryTimer);
      await(dispatcher.stop(), "webhook dispatcher");
      await(chainer.stop(), "audit chainer");
      await(pool.close(), "database pool");
      await(vertx.close(), "vert.x");
      closeQuietly(embedded);
      LOG.info("stopped");
    }, runnable -> new Thread(runnable, "gateway-stop").start());
  }

  private static void await(Future<Void> step, String what) {
    try {
      step.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("{} did not close cleanly: {}", what, e.toString());
    }
  }

  private static void closeQuietly(EmbeddedDatabase db) {
    if (db != null) {
      try {
        db.close();
      } catch (IOException e) {
        LOG.warn("embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
      }
    }
  }
}
