package com.huibao.gateway.boot;

import com.huibao.gateway.adapter.http.ClaimHandlers;
import com.huibao.gateway.adapter.http.DataFeedHandlers;
import com.huibao.gateway.adapter.http.EligibilityHandlers;
import com.huibao.gateway.adapter.http.HospitalHandlers;
import com.huibao.gateway.adapter.http.HttpApi;
import com.huibao.gateway.adapter.http.InsurerHandlers;
import com.huibao.gateway.adapter.http.InvoiceClaimHandlers;
import com.huibao.gateway.adapter.http.OpsHandlers;
import com.huibao.gateway.adapter.http.PatientHandlers;
import com.huibao.gateway.adapter.http.PaymentHandlers;
import com.huibao.gateway.adapter.http.PreAuthHandlers;
import com.huibao.gateway.adapter.http.RateLimiter;
import com.huibao.gateway.adapter.http.ReconciliationHandlers;
import com.huibao.gateway.adapter.http.RefundHandlers;
import com.huibao.gateway.adapter.http.SlipHandlers;
import com.huibao.gateway.adapter.http.WebhookHandlers;
import com.huibao.gateway.adapter.http.auth.PatientTokenVerifier;
import com.huibao.gateway.adapter.http.auth.RequestAuthenticator;
import com.huibao.gateway.adapter.pg.PgErrors;
import com.huibao.gateway.boot.config.GatewayConfig;
import com.huibao.gateway.crypto.SlipSigner;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.openapi.contract.OpenAPIContract;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** The HTTP side: handlers over the use cases, the router built from the contract, one server per event loop. */
final class HttpModule {
    private HttpModule() {}

    /** The handlers of every API tag. */
    static HttpApi.Handlers handlers(
            UseCases u,
            Reference reference,
            OpsHandlers ops,
            Supplier<String> demoToken,
            SlipSigner slips,
            Clock clock,
            ZoneId zone) {
        UseCases.Hospital h = u.hospital();
        UseCases.Insurer i = u.insurer();
        UseCases.Patient p = u.patient();
        return new HttpApi.Handlers(
                ops,
                new HospitalHandlers(
                        h.preview(), h.confirm(), h.get(), h.reverse(), h.reconciliation(), reference.reader()),
                new DataFeedHandlers(u.ingest(), reference.reader()),
                new InsurerHandlers(new InsurerHandlers.UseCases(
                        i.publishPlan(), i.getPlan(), i.publishList(), i.getList(), i.enroll(), i.getPolicy())),
                new ClaimHandlers(i.listClaims(), i.getClaim(), i.payClaim(), i.quickClaim()),
                new PatientHandlers(
                        new PatientHandlers.UseCases(
                                p.policies(),
                                p.consents(),
                                p.grant(),
                                p.revoke(),
                                p.claims(),
                                p.claim(),
                                p.accessLog()),
                        demoToken),
                new WebhookHandlers(i.registerWebhook(), i.listEvents(), i.replayEvent()),
                new PreAuthHandlers(
                        new PreAuthHandlers.UseCases(
                                u.preAuthorizations().request(),
                                u.preAuthorizations().decide(),
                                u.preAuthorizations().withdraw(),
                                u.preAuthorizations().get(),
                                u.preAuthorizations().list(),
                                u.preAuthorizations().mine()),
                        clock,
                        zone),
                new InvoiceClaimHandlers(u.invoiceClaims(), reference.reader()),
                new EligibilityHandlers(u.eligibility()),
                new PaymentHandlers(u.payments().post(), u.payments().remittances()),
                new ReconciliationHandlers(new ReconciliationHandlers.UseCases(
                        u.reconciliation().totals(),
                        u.reconciliation().details(),
                        u.reconciliation().export())),
                new RefundHandlers(u.hospital().refund()),
                new SlipHandlers(u.hospital().slip(), slips));
    }

    /** Who may call and how answers are signed. */
    static HttpApi.Security security(
            GatewayConfig config,
            Reference reference,
            Stores stores,
            Keys.Signing signing,
            PatientTokenVerifier patientTokens) {
        RequestAuthenticator authenticator = new RequestAuthenticator(
                reference.clients(),
                config.gatewayId(),
                Duration.ofSeconds(config.auth().maxTokenLifetimeSeconds()),
                Duration.ofSeconds(config.auth().clockSkewSeconds()));
        return new HttpApi.Security(
                authenticator,
                stores.replays(),
                new RateLimiter(
                        config.rateLimit().perSecond(), config.rateLimit().burst(), System::nanoTime),
                patientTokens,
                signing.responses(),
                signing.jwks());
    }

    /**
     * Deploys one server per event loop on one port. Servers of one Vert.x on one host and port share it; with port 0
     * each would bind a port of its own, hence a free port chosen first.
     */
    static Future<List<HttpServer>> serve(
            Vertx vertx,
            OpenAPIContract contract,
            GatewayConfig config,
            HttpApi.Security security,
            HttpApi.Handlers handlers,
            Clock clock) {
        HttpApi api = new HttpApi(
                vertx,
                contract,
                security,
                handlers,
                new HttpApi.Limits(config.http().bodyLimitBytes(), config.http().maxInFlight()),
                PgErrors::translate,
                clock);
        int port;
        try {
            port = config.http().port() != 0
                    ? config.http().port()
                    : freePort(config.http().host());
        } catch (IOException e) {
            return Future.failedFuture(e);
        }
        HttpServerOptions options = new HttpServerOptions()
                .setHost(config.http().host())
                .setPort(port)
                .setCompressionSupported(true);
        List<HttpServer> servers = new CopyOnWriteArrayList<>();
        return vertx.deployVerticle(
                        () -> new ServerVerticle(options, api::router, servers),
                        new DeploymentOptions().setInstances(config.http().effectiveInstances()))
                .map(v -> servers);
    }

    private static int freePort(String host) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        }
    }
}
