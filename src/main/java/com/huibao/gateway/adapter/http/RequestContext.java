package com.huibao.gateway.adapter.http;

import com.huibao.gateway.app.security.Principal;
import io.vertx.ext.web.RoutingContext;
import java.util.Locale;

/** What the root handlers attach to a request: its id and, once authenticated, its principal. */
public final class RequestContext {
    static final String REQUEST_ID = "huibao.requestId";
    static final String PRINCIPAL = "huibao.principal";
    /** The client whose token verified, set before any refusal of its request (role, rate, replay). */
    static final String AUTHENTICATED = "huibao.authenticated";

    public static final String REQUEST_ID_HEADER = "X-Request-Id";

    private RequestContext() {}

    public static String requestId(RoutingContext rc) {
        String id = rc.get(REQUEST_ID);
        return id == null ? "-" : id;
    }

    public static Principal principal(RoutingContext rc) {
        Principal p = rc.get(PRINCIPAL);
        if (p == null) {
            throw new IllegalStateException("operation reached without a principal: contract security is wrong");
        }
        return p;
    }

    public static Principal principalOrNull(RoutingContext rc) {
        return rc.get(PRINCIPAL);
    }

    /** Whether the request's credentials verified (its answer is then signed, whatever its status). */
    static boolean authenticated(RoutingContext rc) {
        return rc.get(AUTHENTICATED) != null || rc.get(PRINCIPAL) != null;
    }

    /** Whether the client sent {@code text/csv}. */
    public static boolean sentCsv(RoutingContext rc) {
        return "text/csv".equals(mediaType(rc));
    }

    /** The request's media type without parameters, lower case: {@code application/json; charset=utf-8} → its type. */
    static String mediaType(RoutingContext rc) {
        String header = rc.request().getHeader("Content-Type");
        if (header == null) {
            return "";
        }
        int semi = header.indexOf(';');
        return (semi < 0 ? header : header.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    }
}
