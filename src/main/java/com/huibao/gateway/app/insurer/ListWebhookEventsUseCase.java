package com.huibao.gateway.app.insurer;

import com.huibao.gateway.app.port.WebhookStore;
import com.huibao.gateway.app.security.Principal;
import io.vertx.core.Future;
import java.util.List;

/** {@code GET /v1/webhook/events}: the insurer's events, oldest first, with their delivery state. */
public final class ListWebhookEventsUseCase {
    public static final int MAX_PAGE = 500;

    private final WebhookStore store;

    public ListWebhookEventsUseCase(WebhookStore store) {
        this.store = store;
    }

    /** {@code state}: PENDING, DELIVERED, PARKED, or null for any. */
    public Future<List<WebhookStore.Event>> execute(Principal insurer, String state, int limit) {
        return store.events(insurer.tenant(), state, Math.min(Math.max(limit, 1), MAX_PAGE));
    }
}
