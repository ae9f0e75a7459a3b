package com.huibao.gateway.adapter.http;

import com.huibao.gateway.adapter.http.auth.PatientTokenVerifier;
import com.huibao.gateway.adapter.http.auth.RequestAuthenticator;
import com.huibao.gateway.app.port.ReplayGuard;
import com.huibao.gateway.crypto.GatewayJwks;
import com.huibao.gateway.crypto.ResponseSigner;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.openapi.router.OpenAPIRoute;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;
import java.time.Clock;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Builds the router from the contract: root handlers (request id, body limit, client authentication), then for
 * each operation the contract's validation and the handler bound to its {@code operationId} in {@link #operations}.
 * An operation without a handler, or a handler without an operation, stops start-up.
 */
public final class HttpApi {
    /** The Swagger UI webjar's version (pom.xml), whose files {@code /docs/ui/} serves. */
    static final String SWAGGER_UI = "5.18.2";

    /** The contract with its example files inlined, served to the documentation page. */
    private static final String CONTRACT_TEXT =
            DocumentedContract.withExamplesInlined(HttpApi.class.getClassLoader(), ContractLoader.RESOURCE);

    /** Who may call, and how answers are signed: the request authenticator and its replay guard, the rate limiter. */
    public record Security(
            RequestAuthenticator authenticator,
            ReplayGuard replays,
            RateLimiter limiter,
            PatientTokenVerifier patientTokens,
            ResponseSigner signer,
            GatewayJwks jwks) {}

    /** The handlers, one object per API tag. */
    public record Handlers(
            OpsHandlers ops,
            HospitalHandlers hospital,
            DataFeedHandlers dataFeed,
            InsurerHandlers insurer,
            ClaimHandlers claims,
            PatientHandlers patients,
            WebhookHandlers webhooks,
            PreAuthHandlers preAuthorizations,
            InvoiceClaimHandlers invoiceClaims,
            EligibilityHandlers eligibility,
            PaymentHandlers payments,
            ReconciliationHandlers reconciliation,
            RefundHandlers refunds,
            SlipHandlers slips) {}

    /** Request limits: the largest body, and the requests one instance serves at once before it sheds. */
    public record Limits(long bodyBytes, int maxInFlight) {}

    private final Vertx vertx;
    private final OpenAPIContract contract;
    private final Security security;
    private final Handlers handlers;
    private final long bodyLimit;
    /** One for all server instances of this process. */
    private final InFlightLimit inFlight;

    private final Function<Throwable, Throwable> storeFailures;
    private final Clock clock;

    /**
     * @param storeFailures the stores' reading of a failure that escaped them untranslated ({@link ProblemMapper})
     */
    public HttpApi(
            Vertx vertx,
            OpenAPIContract contract,
            Security security,
            Handlers handlers,
            Limits limits,
            Function<Throwable, Throwable> storeFailures,
            Clock clock) {
        this.vertx = vertx;
        this.contract = contract;
        this.security = security;
        this.handlers = handlers;
        this.bodyLimit = limits.bodyBytes();
        this.inFlight = new InFlightLimit(limits.maxInFlight());
        this.storeFailures = storeFailures;
        this.clock = clock;
    }

    /** The one table binding every operationId of the contract to its handler. */
    Map<String, Handler<RoutingContext>> operations() {
        Map<String, Handler<RoutingContext>> t = new LinkedHashMap<>();
        t.put("healthLive", rc -> handlers.ops().live(rc));
        t.put("healthReady", rc -> handlers.ops().ready(rc));
        t.put("metrics", rc -> handlers.ops().metrics(rc));
        t.put(
                "jwks",
                rc -> OpsHandlers.keySet(
                        rc, security.jwks().jwks(), security.jwks().etag()));
        t.put(
                "jwksSm2",
                rc -> OpsHandlers.keySet(
                        rc, security.jwks().sm2Jwks(), security.jwks().sm2Etag()));
        t.put("previewDirectSettlement", rc -> handlers.hospital().preview(rc));
        t.put("confirmDirectSettlement", rc -> handlers.hospital().confirm(rc));
        t.put("getDirectSettlement", rc -> handlers.hospital().get(rc));
        t.put("reverseDirectSettlement", rc -> handlers.hospital().reverse(rc));
        t.put("getReconciliation", rc -> handlers.hospital().reconciliation(rc));
        t.put("ingestSettlement", rc -> handlers.dataFeed().ingest(rc));
        t.put("putPlan", rc -> handlers.insurer().putPlan(rc));
        t.put("getPlan", rc -> handlers.insurer().getPlan(rc));
        t.put("putListVersion", rc -> handlers.insurer().putListVersion(rc));
        t.put("getListVersion", rc -> handlers.insurer().getListVersion(rc));
        t.put("createPolicies", rc -> handlers.insurer().createPolicies(rc));
        t.put("getPolicy", rc -> handlers.insurer().getPolicy(rc));
        t.put("listClaims", rc -> handlers.claims().list(rc));
        t.put("getClaim", rc -> handlers.claims().get(rc));
        t.put("payClaim", rc -> handlers.claims().pay(rc));
        t.put("createQuickClaim", rc -> handlers.claims().quickClaim(rc));
        t.put("listMyPolicies", rc -> handlers.patients().policies(rc));
        t.put("listMyConsents", rc -> handlers.patients().consents(rc));
        t.put("grantConsent", rc -> handlers.patients().grant(rc));
        t.put("revokeConsent", rc -> handlers.patients().revoke(rc));
        t.put("demoPatientToken", rc -> handlers.patients().demoToken(rc));
        t.put("listMyClaims", rc -> handlers.patients().claims(rc));
        t.put("getMyClaim", rc -> handlers.patients().claim(rc));
        t.put("putWebhook", rc -> handlers.webhooks().put(rc));
        t.put("listWebhookEvents", rc -> handlers.webhooks().events(rc));
        t.put("replayWebhookEvent", rc -> handlers.webhooks().replay(rc));
        t.put("getMyAccessLog", rc -> handlers.patients().accessLog(rc));
        t.put("requestPreAuthorization", rc -> handlers.preAuthorizations().request(rc));
        t.put("listPreAuthorizations", rc -> handlers.preAuthorizations().list(rc));
        t.put("getPreAuthorization", rc -> handlers.preAuthorizations().get(rc));
        t.put("decidePreAuthorization", rc -> handlers.preAuthorizations().decide(rc));
        t.put("withdrawPreAuthorization", rc -> handlers.preAuthorizations().withdraw(rc));
        t.put("listMyPreAuthorizations", rc -> handlers.preAuthorizations().mine(rc));
        t.put("requestMyPreAuthorization", rc -> handlers.preAuthorizations().request(rc));
        t.put("withdrawMyPreAuthorization", rc -> handlers.preAuthorizations().withdraw(rc));
        t.put("submitInvoiceClaim", rc -> handlers.invoiceClaims().submit(rc));
        t.put("submitMyInvoiceClaim", rc -> handlers.invoiceClaims().submit(rc));
        t.put("checkEligibility", rc -> handlers.eligibility().check(rc));
        t.put("postPaymentBatch", rc -> handlers.payments().post(rc));
        t.put("listRemittances", rc -> handlers.payments().remittances(rc));
        t.put("reconcileTotals", rc -> handlers.reconciliation().totals(rc));
        t.put("refundDirectSettlement", rc -> handlers.refunds().refund(rc));
        t.put("getSettlementSlip", rc -> handlers.slips().slip(rc));
        t.put("reconcileDetails", rc -> handlers.reconciliation().details(rc));
        t.put("exportReconciliationPeriod", rc -> handlers.reconciliation().export(rc));
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
        builder.rootHandler(new RequestIdHandler(security.signer()));
        builder.rootHandler(inFlight);
        builder.rootHandler(new FormRefusalHandler());
        builder.rootHandler(BodyHandler.create(false).setBodyLimit(bodyLimit));
        builder.rootHandler(new ClientAuthHandler(
                contract,
                security.authenticator(),
                security.replays(),
                security.limiter(),
                security.patientTokens(),
                clock));
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
        router.route("/app/*")
                .handler(rc -> {
                    rc.response()
                            .putHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'")
                            .putHeader("X-Content-Type-Options", "nosniff")
                            .putHeader("Referrer-Policy", "no-referrer");
                    rc.next();
                })
                .handler(StaticHandler.create("webroot/app").setCachingEnabled(false));
        // The API documentation: Swagger UI (a webjar, no CDN) over the contract as served here.
        router.get("/docs/openapi.yaml")
                .handler(rc -> rc.response()
                        .putHeader("Content-Type", "application/yaml; charset=utf-8")
                        .putHeader("Cache-Control", "no-cache")
                        .end(CONTRACT_TEXT));
        router.route("/docs/ui/*").handler(StaticHandler.create("META-INF/resources/webjars/swagger-ui/" + SWAGGER_UI));
        router.route("/docs/*")
                .handler(rc -> {
                    rc.response()
                            .putHeader("X-Content-Type-Options", "nosniff")
                            .putHeader("Referrer-Policy", "no-referrer");
                    rc.next();
                })
                .handler(StaticHandler.create("webroot/docs").setCachingEnabled(false));
        ProblemMapper problems = new ProblemMapper(storeFailures);
        router.route().failureHandler(problems);
        for (int status : new int[] {404, 405, 413, 415}) {
            router.errorHandler(status, rc -> Problems.send(rc, ProblemMapper.status(status)));
        }
        return router;
    }
}
