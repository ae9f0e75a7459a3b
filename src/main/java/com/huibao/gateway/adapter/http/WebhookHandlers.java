package com.huibao.gateway.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.huibao.gateway.app.insurer.ListWebhookEventsUseCase;
import com.huibao.gateway.app.insurer.RegisterWebhookUseCase;
import com.huibao.gateway.app.insurer.ReplayWebhookEventUseCase;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import com.huibao.gateway.domain.validation.Violation;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.UUID;

/** The insurer's webhook registration and event queue. */
public final class WebhookHandlers {
    private final RegisterWebhookUseCase register;
    private final ListWebhookEventsUseCase events;
    private final ReplayWebhookEventUseCase replay;

    public WebhookHandlers(
            RegisterWebhookUseCase register, ListWebhookEventsUseCase events, ReplayWebhookEventUseCase replay) {
        this.register = register;
        this.events = events;
        this.replay = replay;
    }

    void put(RoutingContext rc) {
        JsonNode body = Bodies.tree(rc);
        String url = body.get("url").asText();
        String alg = body.path("signature_alg").asText("ES256");
        register.execute(RequestContext.principal(rc), url, alg)
                .onSuccess(v -> OpsHandlers.json(
                        rc,
                        200,
                        Json.object()
                                .put("url", url)
                                .put("signature_alg", alg)
                                .put(
                                        "jwks",
                                        "SM2SM3".equals(alg)
                                                ? "/.well-known/sm2-jwks.json"
                                                : "/.well-known/jwks.json")))
                .onFailure(rc::fail);
    }

    void events(RoutingContext rc) {
        String limit = rc.queryParams().get("limit");
        events.execute(
                        RequestContext.principal(rc),
                        rc.queryParams().get("state"),
                        limit == null ? 100 : Integer.parseInt(limit))
                .onSuccess(list -> {
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
                                    e.deliveredAt() == null
                                            ? null
                                            : e.deliveredAt().toString())
                            .put("last_error", e.lastError())
                            .set("body", Json.parse(e.payload())));
                    OpsHandlers.json(rc, 200, Json.object().set("events", out));
                })
                .onFailure(rc::fail);
    }

    void replay(RoutingContext rc) {
        UUID id;
        try {
            id = UUID.fromString(rc.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw InvalidDocumentException.malformed(List.of(new Violation("id", "INVALID_ID", "id must be a UUID")));
        }
        replay.execute(RequestContext.principal(rc), id)
                .onSuccess(v -> OpsHandlers.json(
                        rc, 202, Json.object().put("id", id.toString()).put("state", "PENDING")))
                .onFailure(rc::fail);
    }
}
