package com.huibao.gateway.adapter.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.crypto.ResponseSigner;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * The one place responses leave: every answer to a request whose credentials verified — a success or a refusal
 * (403, 404, 409, 422, 429, …) — carries {@code Huibao-Signature}, the gateway's detached JWS over the exact body
 * bytes (before any content encoding).
 */
public final class Responses {
    public static final String SIGNATURE_HEADER = "Huibao-Signature";
    static final String SIGNER = "huibao.responseSigner";

    private Responses() {}

    /** A JSON answer. */
    static void json(RoutingContext rc, int status, ObjectNode body) {
        json(rc, status, Json.bytes(body));
    }

    /** A JSON answer already written as bytes. */
    static void json(RoutingContext rc, int status, byte[] body) {
        end(rc, status, "application/json", Buffer.buffer(body));
    }

    static void end(RoutingContext rc, int status, String contentType, Buffer body) {
        if (rc.response().ended() || rc.response().headWritten()) {
            return;
        }
        ResponseSigner signer = rc.get(SIGNER);
        if (signer != null && RequestContext.authenticated(rc)) {
            rc.response().putHeader(SIGNATURE_HEADER, signer.sign(body.getBytes()));
        }
        rc.response()
                .setStatusCode(status)
                .putHeader("Content-Type", contentType)
                .end(body);
    }
}
