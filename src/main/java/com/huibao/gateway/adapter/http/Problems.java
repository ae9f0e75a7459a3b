package com.huibao.gateway.adapter.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.codec.Json;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/** Writes RFC 9457 problem documents. */
public final class Problems {
    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {}

    public static void send(RoutingContext rc, ObjectNode problem) {
        problem.put("request_id", RequestContext.requestId(rc));
        Responses.end(rc, problem.get("status").asInt(), MEDIA_TYPE, Buffer.buffer(Json.bytes(problem)));
    }
}
