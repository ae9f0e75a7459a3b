package com.huibao.gateway.adapter.auth;

import java.time.Instant;

/** Remembers token ids ({@code jti}) until they expire, so that a token is accepted once. */
public interface ReplayGuard {
  /** True the first time a (client, jti) is seen before {@code expiresAt}; false for a replay. */
  boolean firstUse(String clientId, String jti, Instant expiresAt, Instant now);
}
