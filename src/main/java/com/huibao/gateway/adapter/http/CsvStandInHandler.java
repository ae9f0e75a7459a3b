package com.huibao.gateway.adapter.http;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * The request side of {@link ContractLoader}'s media-type stand-ins: a {@code text/csv} body is shown to the
 * vertx-openapi 5.0 validator as {@code text/plain} (what the in-memory contract declares instead of text/csv), and
 * the handler is told the client sent CSV.
 */
final class CsvStandInHandler implements Handler<RoutingContext> {
  @Override
  public void handle(RoutingContext rc) {
    String type = rc.request().getHeader("Content-Type");
    if (type != null && type.regionMatches(true, 0, "text/csv", 0, 8)) {
      rc.put(RequestContext.SENT_CSV, true);
      rc.request().headers().set("Content-Type", "text/plain" + type.substring(8));
    }
    rc.next();
  }
}
