package com.huibao.gateway.adapter.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.adapter.http.auth.AuthFailure;
import com.huibao.gateway.app.Failure;
import com.huibao.gateway.codec.ProblemJson;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The one mapper from failures to RFC 9457 problems: contract violations (400 naming the field; 415 for a body in
 * a media type the operation does not take), authentication (401/403), invalid documents (400/422), the application's refusals (404/403/409/503), database outages (503 with
 * {@code Retry-After}). Anything else is a bug: logged with the request id, answered with a generic 500.
 */
final class ProblemMapper implements Handler<RoutingContext> {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMapper.class);
    static final int RETRY_AFTER_SECONDS = 2;

    /**
     * The store's own reading of a failure that escaped it untranslated (a connection lost mid-request): a
     * {@link Failure} (the database is unavailable, 503) or the failure as it was. Given by the composition root, so
     * that this adapter knows no store.
     */
    private final Function<Throwable, Throwable> storeFailures;

    ProblemMapper(Function<Throwable, Throwable> storeFailures) {
        this.storeFailures = storeFailures;
    }

    @Override
    public void handle(RoutingContext rc) {
        Throwable t = rc.failure();
        if (t instanceof RequestChecks.RequestViolation b) {
            Problems.send(
                    rc,
                    ProblemJson.of(400, "SCHEMA_VIOLATION", "The request does not match the contract", b.violations()));
        } else if (t instanceof AuthFailure a) {
            Problems.send(
                    rc,
                    ProblemJson.of(
                            a.status(),
                            a.code(),
                            a.status() == 401
                                    ? "Not authenticated"
                                    : a.status() == 429 ? "Too many requests" : "Not allowed",
                            a.getMessage()));
        } else if (t instanceof InvalidDocumentException e) {
            Problems.send(rc, ProblemJson.of(e, "DOCUMENT"));
        } else if (t instanceof Failure f) {
            Problems.send(rc, failure(rc, f));
        } else if (t != null && storeFailures.apply(t) instanceof Failure f) {
            Problems.send(rc, failure(rc, f));
        } else if (t == null) {
            Problems.send(rc, status(rc.statusCode()));
        } else if (t instanceof HttpException h) {
            Problems.send(rc, status(h.getStatusCode()));
        } else {
            MDC.put("request_id", RequestContext.requestId(rc));
            try {
                LOG.error(
                        "unexpected failure on {} {}",
                        rc.request().method(),
                        rc.request().path(),
                        t);
            } finally {
                MDC.remove("request_id");
            }
            Problems.send(
                    rc,
                    ProblemJson.of(
                            500,
                            "INTERNAL_ERROR",
                            "Internal error",
                            "an unexpected error occurred; quote the request id when reporting it"));
        }
    }

    private static ObjectNode failure(RoutingContext rc, Failure f) {
        if (f instanceof Failure.NotFound) {
            return ProblemJson.of(404, f.code(), "Not found", f.getMessage());
        }
        if (f instanceof Failure.Forbidden) {
            return ProblemJson.of(403, f.code(), "Not allowed", f.getMessage());
        }
        if (f instanceof Failure.Conflict) {
            return ProblemJson.of(409, f.code(), "Conflict", f.getMessage());
        }
        rc.response().putHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
        return ProblemJson.of(503, f.code(), "Temporarily unavailable", f.getMessage());
    }

    /** 404, 405, 413 and the like, raised by the router itself. */
    static ObjectNode status(int status) {
        return switch (status) {
            case 404 -> ProblemJson.of(404, "NOT_FOUND", "Not found", "no such resource");
            case 405 ->
                ProblemJson.of(
                        405,
                        "METHOD_NOT_ALLOWED",
                        "Method not allowed",
                        "this resource does not take " + "that method");
            case 413 -> ProblemJson.of(413, "BODY_TOO_LARGE", "Body too large", "the request body exceeds the limit");
            case 415 ->
                ProblemJson.of(
                        415,
                        "UNSUPPORTED_MEDIA_TYPE",
                        "Unsupported media type",
                        "send the body as the " + "contract declares (application/json)");
            default ->
                status >= 400 && status < 500
                        ? ProblemJson.of(status, "BAD_REQUEST", "Bad request", (String) null)
                        : ProblemJson.of(500, "INTERNAL_ERROR", "Internal error", (String) null);
        };
    }

    /** JSON pointer {@code #/feedetail/2/cnt} → {@code feedetail[2].cnt}. */
    static String field(String pointer) {
        if (pointer == null) {
            return "";
        }
        String p = pointer.startsWith("#") ? pointer.substring(1) : pointer;
        StringBuilder out = new StringBuilder();
        for (String seg : p.split("/")) {
            if (seg.isEmpty()) {
                continue;
            }
            String s = seg.replace("~1", "/").replace("~0", "~");
            if (s.chars().allMatch(Character::isDigit)) {
                out.append('[').append(s).append(']');
            } else {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(s);
            }
        }
        return out.toString();
    }
}
