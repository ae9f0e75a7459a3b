package com.huibao.gateway.adapter.http;

import com.huibao.gateway.adapter.auth.ReplayGuard;
import com.huibao.gateway.adapter.auth.RequestAuthenticator;
import com.huibao.gateway.adapter.crypto.GatewayJwks;
import com.huibao.gateway.adapter.crypto.ResponseSigner;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.openapi.router.OpenAPIRoute;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Builds the router from the contract: root handlers (request id, body limit, client authentication), then for
 * each operation the contract's validation and the handler bound to its {@code operationId} in {@link #operations}.
 * An operation without a handler, or a handler without an operation, stops start-up.
 */
public final class HttpApi {
  private final Vertx vertx;
  private final OpenAPIContract contract;
  private final RequestAuthenticator authenticator;
  private final ReplayGuard replays;
  private final ResponseSigner signer;
  private final GatewayJwks jwks;
  private final RateLimiter limiter;
  private final Clock clock;
  private final long bodyLimit;
  /** One for all server instances of this process. */
  private final InFlightLimit inFlight;
  private final OpsHandlers ops;
  private final HospitalHandlers hospital;
  private final DataFeedHandlers dataFeed;
  private final InsurerHandlers insurer;
  private final ClaimHandlers claims;
  private final PatientHandlers patients;
  private final WebhookHandlers webhooks;
  private final com.huibao.gateway.adapter.auth.PatientTokenVerifier patientTokens;

  public HttpApi(Vertx vertx, OpenAPIContract contract, RequestAuthenticator authenticator, ReplayGuard replays,
      ResponseSigner signer, GatewayJwks jwks, RateLimiter limiter, Clock clock,
      long bodyLimit, int maxInFlight, OpsHandlers ops, HospitalHandlers hospital, DataFeedHandlers dataFeed,
      InsurerHandlers insurer, ClaimHandlers claims, PatientHandlers patients, WebhookHandlers webhooks,
      com.huibao.gateway.adapter.auth.PatientTokenVerifier patientTokens) {
    this.vertx = vertx;
    this.contract = contract;
    this.authenticator = authenticator;
    this.replays = replays;
    this.signer = signer;
    this.jwks = jwks;
    this.limiter = limiter;
    this.clock = clock;
    this.bodyLimit = bodyLimit;
    this.inFlight = new InFlightLimit(maxInFlight);
    this.ops = ops;
    this.hospital = hospital;
    this.dataFeed = dataFeed;
    this.insurer = insurer;
    this.claims = claims;
    this.patients = patients;
    this.webhooks = webhooks;
    this.patientTokens = patientTokens;
  }

  /** The one table binding every operationId of the contract to its handler. */
  Map<String, Handler<RoutingContext>> operations() {
    Map<String, Handler<RoutingContext>> t = new LinkedHashMap<>();
    t.put("healthLive", rc -> ops.live(rc));
    t.put("healthReady", rc -> ops.ready(rc));
    t.put("metrics", rc -> ops.metrics(rc));
    t.put("jwks", rc -> OpsHandlers.keySet(rc, jwks.jwks(), jwks.etag()));
    t.put("jwksSm2", rc -> OpsHandlers.keySet(rc, jwks.sm2Jwks(), jwks.sm2Etag()));
    t.put("previewDirectSettlement", rc -> hospital.preview(rc));
    t.put("confirmDirectSettlement", rc -> hospital.confirm(rc));
    t.put("getDirectSettlement", rc -> hospital.get(rc));
    t.put("reverseDirectSettlement", rc -> hospital.reverse(rc));
    t.put("getReconciliation", rc -> hospital.reconciliation(rc));
    t.put("ingestSettlement", rc -> dataFeed.ingest(rc));
    t.put("putPlan", rc -> insurer.putPlan(rc));
    t.put("getPlan", rc -> insurer.getPlan(rc));
    t.put("putListVersion", rc -> insurer.putListVersion(rc));
    t.put("getListVersion", rc -> insurer.getListVersion(rc));
    t.put("createPolicies", rc -> insurer.createPolicies(rc));
    t.put("getPolicy", rc -> insurer.getPolicy(rc));
    t.put("listClaims", rc -> claims.list(rc));
    t.put("getClaim", rc -> claims.get(rc));
    t.put("payClaim", rc -> claims.pay(rc));
    t.put("createQuickClaim", rc -> claims.quickClaim(rc));
    t.put("listMyPolicies", rc -> patients.policies(rc));
    t.put("listMyConsents", rc -> patients.consents(rc));
    t.put("grantConsent", rc -> patients.grant(rc));
    t.put("revokeConsent", rc -> patients.revoke(rc));
    t.put("demoPatientToken", rc -> patients.demoToken(rc));
    t.put("listMyClaims", rc -> patients.claims(rc));
    t.put("putWebhook", rc -> webhooks.put(rc));
    t.put("listWebhookEvents", rc -> webhooks.events(rc));
    t.put("replayWebhookEvent", rc -> webhooks.replay(rc));
    t.put("getMyAccessLog", rc -> patients.accessLog(rc));
    return t;
  }

  private RequestChecks checks;

  /** The contract's request checks, compiled once and shared by every router (one per server instance). */
  private synchronized RequestChecks checks() {
    if (checks == null) {
      checks = RequestChecks.compile(ContractLoader.rawTree());
    }
    return checks;
  }

  public Router router() {
    RouterBuilder builder = RouterBuilder.create(vertx, contract, RequestExtractor.withBodyHandler());
    builder.rootHandler(new RequestIdHandler(signer));
    builder.rootHandler(inFlight);
    builder.rootHandler(new FormRefusalHandler());
    builder.rootHandler(BodyHandler.create(false).setBodyLimit(bodyLimit));
    builder.rootHandler(new ClientAuthHandler(contract, authenticator, replays, limiter, patientTokens, clock));
    Map<String, Handler<RoutingContext>> table = operations();
    Set<String> unbound = new HashSet<>(table.keySet());
    for (OpenAPIRoute route : builder.getRoutes()) {
      String id = route.getOperation().getOperationId();
      Handler<RoutingContext> handler = table.get(id);
      if (handler == null) {
        throw new IllegalStateException("contract operation " + id + " has no handler");
      }
      unbound.remove(id);
      // Security is enforced by ClientAuthHandler on the raw body, before validation; validation by RequestChecks
      // against the same contract (see there why not vertx-openapi's).
      route.setDoSecurity(false);
      route.setDoValidation(false);
      RequestChecks compiled = checks();
      if (!compiled.covers(id)) {
        throw new IllegalStateException("contract operation " + id + " has no request checks");
      }
      route.addHandler(rc -> compiled.check(id, rc));
      route.addHandler(handler);
    }
    if (!unbound.isEmpty()) {
      throw new IllegalStateException("handlers without a contract operation: " + unbound);
    }
    Router router = builder.createRouter();
    // The patient's H5 page: static files, no API of its own (it calls the contract's operations).
    router.route("/app/*").handler(rc -> {
      rc.response().putHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'")
          .putHeader("X-Content-Type-Options", "nosniff").putHeader("Referrer-Policy", "no-referrer");
      rc.next();
    }).handler(io.vertx.ext.web.handler.StaticHandler.create("webroot/app").setCachingEnabled(false));
    ProblemMapper problems = new ProblemMapper();
    router.route().failureHandler(problems);
    for (int status : new int[] {404, 405, 413, 415}) {
      router.errorHandler(status, rc -> Problems.send(rc, ProblemMapper.status(status)));
    }
    return router;
  }
}
