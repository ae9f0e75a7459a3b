package com.huibao.gateway.app.port;

import com.huibao.gateway.domain.preauth.PreAuthState;
import com.huibao.gateway.domain.preauth.PreAuthorization;
import io.vertx.core.Future;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Pre-authorizations as read outside a transaction (their writes go through {@link PreAuthLedger}). */
public interface PreAuthStore {
    Future<Optional<PreAuthorization>> find(UUID id);

    /** The gateway's authorizations with these approval numbers, by number (unknown numbers are absent). */
    Future<Map<String, PreAuthorization>> byApprovalNos(Collection<String> approvalNos);

    /** The insurer's applications, oldest first; {@code state} null = any. */
    Future<List<PreAuthorization>> forInsurer(String insurerId, PreAuthState state, int limit);

    /** The person's applications, newest first. */
    Future<List<PreAuthorization>> forPerson(String personKey);
}
