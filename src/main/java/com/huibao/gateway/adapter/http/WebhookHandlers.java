package com.huibao.gateway.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.huibao.gateway.adapter.http.json.WebhookResponses;
import com.huibao.gateway.app.insurer.ListWebhookEventsUseCase;
import com.huibao.gateway.app.insurer.RegisterWebhookUseCase;
import com.huibao.gateway.app.insurer.ReplayWebhookEventUseCase;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import com.huibao.gateway.domain.validation.Violation;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.UUID;

/** The insurer's webhook registration and event queue. */
public final class WebhookHandlers {
    private static final int DEFAULT_PAGE = 100;

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
                .onSuccess(v -> Responses.json(rc, 200, WebhookResponses.registered(url, alg)))
                .onFailure(rc::fail);
    }

    void events(RoutingContext rc) {
        String limit = rc.queryParams().get("limit");
        events.execute(
                        RequestContext.principal(rc),
                        rc.queryParams().get("state"),
                        limit == null ? DEFAULT_PAGE : Integer.parseInt(limit))
                .onSuccess(list -> Responses.json(rc, 200, WebhookResponses.events(list)))
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
                .onSuccess(v -> Responses.json(rc, 202, WebhookResponses.queuedAgain(id)))
                .onFailure(rc::fail);
    }
}
