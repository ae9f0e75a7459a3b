package com.huibao.gateway.domain.event;

/**
 * Something an insurer is told through its webhook, made by the domain operation that changes things and written to
 * the outbox in the same transaction. Events of one ordering key (a policy) are delivered in order.
 */
public interface InsurerEvent {
    String insurerId();

    String orderingKey();
}
