package com.huibao.gateway.app.port;

import io.vertx.core.Future;
import java.time.Instant;

/** Remembers token ids ({@code jti}) until they expire, so that a token is accepted once. */
public interface ReplayGuard {
    /** True the first time a (client, jti) is seen before {@code expiresAt}; false for a replay. */
    Future<Boolean> firstUse(String clientId, String jti, Instant expiresAt, Instant now);
}
