package com.huibao.gateway.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.huibao.gateway.codec.Json;
import io.vertx.ext.web.RoutingContext;

/** The request body as a JSON tree, parsed once per request (the schema check and the handler share it; read only). */
final class Bodies {
    private static final String KEY = "huibao.body.tree";

    private Bodies() {}

    static JsonNode tree(RoutingContext rc) {
        JsonNode cached = rc.get(KEY);
        if (cached != null) {
            return cached;
        }
        JsonNode tree = Json.parse(rc.body().buffer().getBytes());
        rc.put(KEY, tree);
        return tree;
    }
}
