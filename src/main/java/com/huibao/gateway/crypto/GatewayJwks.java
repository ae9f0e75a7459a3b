package com.huibao.gateway.crypto;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.KeyOperation;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.util.JSONObjectUtils;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The gateway's public keys as {@code /.well-known/jwks.json} serves them: one key per purpose — {@code response}
 * (answers, {@code typ} huibao-response), {@code webhook} (deliveries, {@code typ} huibao-webhook), {@code receipt}
 * (consent receipts, {@code typ} consent-receipt+jwt) — each with {@code use} sig, {@code key_ops} [verify] and the
 * member {@code purpose}; and retired keys (purpose and {@code retired} true), still published so that answers they
 * signed verify until those expire. The SM2 webhook key is served apart ({@code /.well-known/sm2-jwks.json}): JOSE
 * libraries that do not know the curve SM2 refuse a whole set holding one. Each document has an entity tag.
 */
public final class GatewayJwks {
    /** A public key and what it signs. */
    public record Published(ECKey key, String purpose, boolean retired) {}

    private final String jwks;
    private final String etag;
    private final String sm2Jwks;
    private final String sm2Etag;

    public GatewayJwks(List<Published> keys, Sm2.PrivateJwk sm2) {
        List<String> parts = new ArrayList<>();
        for (Published p : keys) {
            Map<String, Object> jwk =
                    new LinkedHashMap<>(new ECKey.Builder(p.key().toPublicJWK())
                            .keyUse(KeyUse.SIGNATURE)
                            .keyOperations(Set.of(KeyOperation.VERIFY))
                            .build()
                            .toJSONObject());
            jwk.put("alg", "ES256");
            jwk.put("purpose", p.purpose());
            if (p.retired()) {
                jwk.put("retired", true);
            }
            parts.add(JSONObjectUtils.toJSONString(jwk));
        }
        this.jwks = "{\"keys\":[" + String.join(",", parts) + "]}";
        this.etag = etag(jwks);
        this.sm2Jwks = "{\"keys\":["
                + (sm2 == null
                        ? ""
                        : Sm2.publicJwk(sm2.publicKey(), sm2.kid())
                                .replaceFirst(
                                        "^\\{", "{\"use\":\"sig\",\"key_ops\":[\"verify\"],\"purpose\":\"webhook\","))
                + "]}";
        this.sm2Etag = etag(sm2Jwks);
    }

    public String jwks() {
        return jwks;
    }

    public String etag() {
        return etag;
    }

    public String sm2Jwks() {
        return sm2Jwks;
    }

    public String sm2Etag() {
        return sm2Etag;
    }

    private static String etag(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(d, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
