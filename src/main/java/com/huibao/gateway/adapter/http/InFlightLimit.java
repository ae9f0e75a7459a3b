package com.huibao.gateway.adapter.http;

import com.huibao.gateway.adapter.json.ProblemJson;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sheds load before any work is spent on it: beyond {@code max} requests in flight on this instance, a request is
 * answered 503 {@code OVERLOADED} with {@code Retry-After} at once, rather than after its token check, parse and
 * schema validation and then up to 5 s of waiting for a database connection (docs/PERFORMANCE.md: an overloaded
 * instance otherwise spends its CPU on requests it then refuses). Health and metrics are never shed.
 */
final class InFlightLimit implements PlatformHandler {
  private final AtomicInteger inFlight = new AtomicInteger();
  private final int max;

  InFlightLimit(int max) {
    this.max = max;
  }

  @Override
  public void handle(RoutingContext rc) {
    String path = rc.request().path();
    if (path.startsWith("/health/") || path.equals("/metrics")) {
      rc.next();
      return;
    }
    if (inFlight.incrementAndGet() > max) {
      inFlight.decrementAndGet();
      rc.response().putHeader("Retry-After", "1");
      Problems.send(rc, ProblemJson.of(503, "OVERLOADED", "Overloaded",
          "this instance is already handling " + max + " requests; retry after 1 s"));
      return;
    }
    rc.addEndHandler(ar -> inFlight.decrementAndGet());
    rc.next();
  }
}
