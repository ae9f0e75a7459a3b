package com.huibao.gateway.adapter.http;

import com.huibao.gateway.codec.ProblemJson;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sheds load before any work is spent on it: beyond {@code max} requests in flight on this instance, a request is
 * answered 503 {@code OVERLOADED} with {@code Retry-After} at once, rather than after its token check, parse and
 * schema validation and then up to 5 s of waiting for a database connection (docs/PERFORMANCE.md: an overloaded
 * instance otherwise spends its CPU on requests it then refuses). Never shed: health and metrics (an orchestrator
 * must see the instance), the key sets under {@code /.well-known/} (clients verify answers with them) and the
 * patient page under {@code /app/} (static files a browser could not read a problem document from); none of them
 * reads the database. Every other operation lists 503 in the contract (ContractTest checks it).
 */
final class InFlightLimit implements PlatformHandler {
    private final AtomicInteger inFlight = new AtomicInteger();
    private final int max;

    InFlightLimit(int max) {
        this.max = max;
    }

    @Override
    public void handle(RoutingContext rc) {
        if (neverShed(rc.request().path())) {
            rc.next();
            return;
        }
        if (inFlight.incrementAndGet() > max) {
            inFlight.decrementAndGet();
            rc.response().putHeader("Retry-After", "1");
            Problems.send(
                    rc,
                    ProblemJson.of(
                            503,
                            "OVERLOADED",
                            "Overloaded",
                            "this instance is already handling " + max + " requests; retry after 1 s"));
            return;
        }
        rc.addEndHandler(ar -> inFlight.decrementAndGet());
        rc.next();
    }

    static boolean neverShed(String path) {
        return path.startsWith("/health/")
                || path.equals("/metrics")
                || path.startsWith("/.well-known/")
                || path.startsWith("/app/");
    }
}
