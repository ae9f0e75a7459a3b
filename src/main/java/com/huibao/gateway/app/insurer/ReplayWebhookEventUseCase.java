package com.huibao.gateway.app.insurer;

import com.huibao.gateway.app.Failure;
import com.huibao.gateway.app.port.WebhookStore;
import com.huibao.gateway.app.security.Principal;
import io.vertx.core.Future;
import java.util.UUID;

/** {@code POST /v1/webhook/events/{id}/replay}: a parked event of the insurer back in the queue, attempts reset. */
public final class ReplayWebhookEventUseCase {
    private final WebhookStore store;

    public ReplayWebhookEventUseCase(WebhookStore store) {
        this.store = store;
    }

    public Future<Void> execute(Principal insurer, UUID id) {
        return store.replay(insurer.tenant(), id).map(ok -> {
            if (!ok) {
                throw new Failure.NotFound("PARKED_EVENT_NOT_FOUND", "no parked event " + id + " of this insurer");
            }
            return null;
        });
    }
}
