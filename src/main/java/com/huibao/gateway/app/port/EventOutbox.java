package com.huibao.gateway.app.port;

import com.huibao.gateway.domain.event.InsurerEvent;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;

/** Events for insurers' webhooks, written in the transaction of the change they describe (delivered later). */
public interface EventOutbox {
    /** Queues the events in this order (order per policy is delivery order). */
    Future<Void> emit(List<? extends InsurerEvent> events, Instant at);
}
