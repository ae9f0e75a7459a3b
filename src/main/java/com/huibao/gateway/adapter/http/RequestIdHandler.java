package com.huibao.gateway.adapter.http;

import com.huibao.gateway.crypto.ResponseSigner;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Gives every request an id (the caller's {@code X-Request-Id} if it is sane, else a new UUID), echoes it on the
 * response, and writes one structured access-log line when the response ends.
 */
final class RequestIdHandler implements PlatformHandler {
    private static final Logger ACCESS = LoggerFactory.getLogger("huibao.access");
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private final ResponseSigner signer;

    RequestIdHandler(ResponseSigner signer) {
        this.signer = signer;
    }

    @Override
    public void handle(RoutingContext rc) {
        String given = rc.request().getHeader(RequestContext.REQUEST_ID_HEADER);
        String id = given != null && SANE.matcher(given).matches()
                ? given
                : UUID.randomUUID().toString();
        rc.put(RequestContext.REQUEST_ID, id);
        rc.put(Responses.SIGNER, signer);
        rc.response().putHeader(RequestContext.REQUEST_ID_HEADER, id);
        long started = System.nanoTime();
        rc.addEndHandler(ar -> {
            var principal = RequestContext.principalOrNull(rc);
            MDC.put("request_id", id);
            try {
                ACCESS.info(
                        "{} {} {} {}ms client={}",
                        rc.request().method(),
                        rc.request().path(),
                        rc.response().getStatusCode(),
                        (System.nanoTime() - started) / 1_000_000,
                        principal == null ? "-" : principal.id());
            } finally {
                MDC.remove("request_id");
            }
        });
        rc.next();
    }
}
