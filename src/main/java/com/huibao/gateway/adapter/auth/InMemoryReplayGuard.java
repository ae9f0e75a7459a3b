package com.huibao.gateway.adapter.auth;

import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token ids seen by this instance, dropped once expired. Replays across several instances need the shared store
 * of the security issue; this one protects a single instance.
 */
public final class InMemoryReplayGuard implements ReplayGuard {
  private final Map<String, Instant> seen = new ConcurrentHashMap<>();

  @Override
  public boolean firstUse(String clientId, String jti, Instant expiresAt, Instant now) {
    if (seen.size() > 10_000) {
      for (Iterator<Map.Entry<String, Instant>> it = seen.entrySet().iterator(); it.hasNext(); ) {
        if (it.next().getValue().isBefore(now)) {
          it.remove();
        }
      }
    }
    return seen.putIfAbsent(clientId + "\u0000" + jti, expiresAt) == null;
  }
}
