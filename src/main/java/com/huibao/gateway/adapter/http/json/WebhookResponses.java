package com.huibao.gateway.adapter.http.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.app.port.WebhookStore;
import com.huibao.gateway.codec.Json;
import java.util.List;
import java.util.UUID;

/** An insurer's webhook registration and its events. */
public final class WebhookResponses {
    private WebhookResponses() {}

    /** The registration, and where the keys that verify its deliveries are published. */
    public static ObjectNode registered(String url, String signatureAlg) {
        return Json.object()
                .put("url", url)
                .put("signature_alg", signatureAlg)
                .put("jwks", "SM2SM3".equals(signatureAlg) ? "/.well-known/sm2-jwks.json" : "/.well-known/jwks.json");
    }

    public static ObjectNode events(List<WebhookStore.Event> list) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        list.forEach(e -> out.addObject()
                .put("id", e.id().toString())
                .put("type", e.type())
                .put("ordering_key", e.orderingKey())
                .put("state", e.state())
                .put("attempts", e.attempts())
                .put("created_at", e.createdAt().toString())
                .put(
                        "delivered_at",
                        e.deliveredAt() == null ? null : e.deliveredAt().toString())
                .put("last_error", e.lastError())
                .set("body", Json.parse(e.payload())));
        return (ObjectNode) Json.object().set("events", out);
    }

    public static ObjectNode queuedAgain(UUID id) {
        return Json.object().put("id", id.toString()).put("state", "PENDING");
    }
}
