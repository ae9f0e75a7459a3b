package com.huibao.gateway.adapter.http.auth;

import com.huibao.gateway.app.security.Role;
import com.nimbusds.jose.jwk.JWKSet;
import java.util.List;
import java.util.Map;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/**
 * A hospital, insurer or data feed allowed to call the gateway: its id, role, tenant ({@code fixmedins_code} or
 * {@code insurer_id}), public keys (standard JWKs, and SM2 keys by kid, which the JOSE library does not know), and
 * optionally the IP addresses it may call from (empty = any), and the name people read for it ({@code display_name},
 * null when not registered).
 */
public record RegisteredClient(
        String clientId,
        Role role,
        String tenant,
        JWKSet jwks,
        Map<String, ECPublicKeyParameters> sm2Keys,
        List<String> allowedIps,
        String displayName) {

    public RegisteredClient {
        sm2Keys = Map.copyOf(sm2Keys);
        allowedIps = List.copyOf(allowedIps);
    }
}
