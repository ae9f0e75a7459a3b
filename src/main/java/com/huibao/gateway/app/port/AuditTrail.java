package com.huibao.gateway.app.port;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Map;

/**
 * The audit log, written in the transaction of the change it records (then chained, SM3, by the store). Details
 * never hold identity numbers or names.
 */
public interface AuditTrail {
    /**
     * @param actor who, as {@code ROLE:id}
     * @param details a few facts of the change (strings, numbers, nested maps), in the order given
     */
    Future<Void> append(String actor, String action, String subject, Map<String, Object> details, Instant at);
}
