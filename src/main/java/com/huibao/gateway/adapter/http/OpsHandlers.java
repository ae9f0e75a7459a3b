package com.huibao.gateway.adapter.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.codec.ProblemJson;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** {@code /health/live}, {@code /health/ready} and {@code /metrics}. */
public final class OpsHandlers {
    private final BooleanSupplier accepting;
    private final Supplier<Future<String>> databaseCheck;
    private final Handler<RoutingContext> metrics;

    /**
     * @param accepting     false once shutdown has begun
     * @param databaseCheck succeeds with the schema version when the database answers and is fully migrated
     */
    public OpsHandlers(
            BooleanSupplier accepting, Supplier<Future<String>> databaseCheck, Handler<RoutingContext> metrics) {
        this.accepting = accepting;
        this.databaseCheck = databaseCheck;
        this.metrics = metrics;
    }

    void live(RoutingContext rc) {
        Responses.json(rc, 200, Json.object().put("status", "UP"));
    }

    void ready(RoutingContext rc) {
        if (!accepting.getAsBoolean()) {
            unavailable(rc, "SHUTTING_DOWN", "the gateway is shutting down");
            return;
        }
        databaseCheck.get().onComplete(ar -> {
            if (ar.succeeded()) {
                ObjectNode body = Json.object().put("status", "UP");
                body.putObject("checks").put("database", "UP").put("schema_version", ar.result());
                Responses.json(rc, 200, body);
            } else {
                unavailable(rc, "NOT_READY", ar.cause().getMessage());
            }
        });
    }

    void metrics(RoutingContext rc) {
        metrics.handle(rc);
    }

    private static void unavailable(RoutingContext rc, String code, String detail) {
        rc.response().putHeader("Retry-After", String.valueOf(ProblemMapper.RETRY_AFTER_SECONDS));
        Problems.send(rc, ProblemJson.of(503, code, "Not ready", detail));
    }

    /**
     * A key set: cacheable for an hour (a rotation publishes the new key a release ahead, docs/SECURITY.md), with an
     * entity tag so that a client revalidates for a 304.
     */
    static void keySet(RoutingContext rc, String jwks, String etag) {
        rc.response().putHeader("Cache-Control", "public, max-age=3600").putHeader("ETag", etag);
        if (etag.equals(rc.request().getHeader("If-None-Match"))) {
            rc.response().setStatusCode(304).end();
            return;
        }
        rc.response().putHeader("Content-Type", "application/json").end(jwks);
    }
}
