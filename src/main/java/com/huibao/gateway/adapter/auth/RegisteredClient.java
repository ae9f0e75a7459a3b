package com.huibao.gateway.adapter.auth;

import com.huibao.gateway.app.security.Role;
import com.nimbusds.jose.jwk.JWKSet;
import java.util.List;

/**
 * A hospital, insurer or data feed allowed to call the gateway: its id, role, tenant ({@code fixmedins_code} or
 * {@code insurer_id}), public keys, and optionally the IP addresses it may call from (empty = any).
 */
public record RegisteredClient(String clientId, Role role, String tenant, JWKSet jwks, List<String> allowedIps) {

  public RegisteredClient {
    allowedIps = List.copyOf(allowedIps);
  }
}
