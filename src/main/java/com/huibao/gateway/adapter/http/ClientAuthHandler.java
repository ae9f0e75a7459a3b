package com.huibao.gateway.adapter.http;

import com.huibao.gateway.adapter.http.auth.AuthFailure;
import com.huibao.gateway.adapter.http.auth.PatientTokenVerifier;
import com.huibao.gateway.adapter.http.auth.RequestAuthenticator;
import com.huibao.gateway.app.port.ReplayGuard;
import com.huibao.gateway.app.security.Principal;
import com.huibao.gateway.app.security.Role;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.SecurityRequirement;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Authenticates every request the contract says needs it, before validation, on the raw body bytes: finds the
 * operation, reads its security requirements ({@code clientToken}) and its allowed roles ({@code x-roles}), and
 * attaches the principal. Unknown paths pass through (the router answers 404).
 */
final class ClientAuthHandler implements Handler<RoutingContext> {
    static final String CLIENT_TOKEN = "clientToken";
    static final String PATIENT_TOKEN = "patientIdToken";

    private final OpenAPIContract contract;
    private final RequestAuthenticator authenticator;
    private final ReplayGuard replays;
    private final RateLimiter limiter;
    private final PatientTokenVerifier patients;
    private final Clock clock;

    ClientAuthHandler(
            OpenAPIContract contract,
            RequestAuthenticator authenticator,
            ReplayGuard replays,
            RateLimiter limiter,
            PatientTokenVerifier patients,
            Clock clock) {
        this.patients = patients;
        this.contract = contract;
        this.authenticator = authenticator;
        this.replays = replays;
        this.limiter = limiter;
        this.clock = clock;
    }

    @Override
    public void handle(RoutingContext rc) {
        String path = rc.request().path();
        Operation op = contract.findOperation(path, rc.request().method());
        if (op == null && path != null && path.length() > 1 && path.endsWith("/")) {
            // the router matches "/v1/claims/" to "/v1/claims": so must authentication (found by the fuzzer)
            op = contract.findOperation(path.replaceAll("/+$", ""), rc.request().method());
        }
        if (op != null && requires(op, PATIENT_TOKEN)) {
            patient(rc);
            return;
        }
        if (op == null || !requires(op, CLIENT_TOKEN)) {
            rc.next();
            return;
        }
        Buffer body = rc.body() == null ? null : rc.body().buffer();
        String pathAndQuery = rc.request().uri();
        Instant now = clock.instant();
        RequestAuthenticator.Verified v = authenticator.authenticate(
                rc.request().getHeader("Authorization"),
                rc.request().method().name(),
                pathAndQuery,
                body == null ? new byte[0] : body.getBytes(),
                rc.request().remoteAddress() == null
                        ? ""
                        : rc.request().remoteAddress().hostAddress(),
                now);
        Principal p = v.principal();
        // from here on the client is known: every answer, refusals included, carries the gateway's signature
        rc.put(RequestContext.AUTHENTICATED, p);
        if (!v.addressAllowed()) {
            throw AuthFailure.forbidden("ADDRESS_NOT_ALLOWED", "client may not call from this address");
        }
        if (!roles(op).contains(p.role())) {
            throw AuthFailure.forbidden(
                    "ROLE_NOT_ALLOWED", "role " + p.role() + " may not call " + op.getOperationId());
        }
        long wait = limiter.acquire(p.id());
        if (wait > 0) {
            rc.response().putHeader("Retry-After", String.valueOf(wait));
            throw new AuthFailure(
                    429, "RATE_LIMITED", "too many requests from this client; retry after " + wait + " s");
        }
        replays.firstUse(p.id(), v.jti(), v.expiresAt(), now).onComplete(ar -> {
            if (ar.failed()) {
                rc.fail(ar.cause());
            } else if (!ar.result()) {
                rc.fail(AuthFailure.unauthorized("TOKEN_REPLAYED", "this token (jti) was already used"));
            } else {
                rc.put(RequestContext.PRINCIPAL, p);
                rc.next();
            }
        });
    }

    /** A patient's ID token, verified off the event loop (the provider's JWKS may have to be fetched). */
    private void patient(RoutingContext rc) {
        if (patients == null) {
            throw AuthFailure.unauthorized("PATIENT_SIGN_IN_UNAVAILABLE", "no identity provider is configured");
        }
        String authorization = rc.request().getHeader("Authorization");
        rc.vertx().executeBlocking(() -> patients.verify(authorization), false).onComplete(ar -> {
            if (ar.failed()) {
                rc.fail(ar.cause());
            } else {
                rc.put(RequestContext.PRINCIPAL, ar.result());
                rc.next();
            }
        });
    }

    static boolean requires(Operation op, String scheme) {
        List<SecurityRequirement> reqs = op.getSecurityRequirements();
        return reqs != null && reqs.stream().anyMatch(r -> r.getNames().contains(scheme));
    }

    static Set<Role> roles(Operation op) {
        JsonArray declared = op.getOpenAPIModel().getJsonArray("x-roles");
        Set<Role> out = EnumSet.noneOf(Role.class);
        if (declared != null) {
            declared.forEach(r -> out.add(Role.valueOf(r.toString())));
        }
        return out;
    }
}
