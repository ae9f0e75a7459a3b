package com.huibao.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.crypto.Sm2;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The receiver check docs/SECURITY.md ("Webhooks") asks of an insurer, written the way an integrator would: the
 * {@code Huibao-Timestamp} within the tolerance of the receiver's clock, the {@code Huibao-Event-Id} not seen before,
 * the JWS header's {@code typ} {@code huibao-webhook}, its {@code kid} a key published with purpose {@code webhook},
 * and the signature over {@code id.timestamp.body}. Holds the ids it accepted (a real receiver keeps them at least
 * as long as the tolerance).
 */
public final class WebhookCheck {
    /** Why a delivery was refused, or that it was taken. */
    public enum Verdict {
        ACCEPTED,
        MALFORMED,
        WRONG_TYPE,
        UNKNOWN_KEY,
        BAD_SIGNATURE,
        STALE,
        REPLAYED
    }

    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    private final JsonNode keys;
    private final Clock clock;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    /** {@code keys}: the gateway's JWKS ({@code /.well-known/jwks.json}, or the SM2 set for SM2SM3 receivers). */
    public WebhookCheck(JsonNode keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    public Verdict check(String eventId, String timestamp, String signature, byte[] body) {
        long ts;
        try {
            ts = Long.parseLong(timestamp);
        } catch (NumberFormatException | NullPointerException e) {
            return Verdict.MALFORMED;
        }
        if (Math.abs(clock.instant().getEpochSecond() - ts) > TOLERANCE.toSeconds()) {
            return Verdict.STALE;
        }
        Verdict signed = verify(eventId + "." + ts + ".", signature, body);
        if (signed != Verdict.ACCEPTED) {
            return signed;
        }
        return seen.add(eventId) ? Verdict.ACCEPTED : Verdict.REPLAYED;
    }

    private Verdict verify(String prefix, String signature, byte[] body) {
        String[] parts = signature == null ? new String[0] : signature.split("\\.", -1);
        if (parts.length != 3 || !parts[1].isEmpty()) {
            return Verdict.MALFORMED;
        }
        JsonNode header;
        try {
            header = Json.parse(Base64.getUrlDecoder().decode(parts[0]));
        } catch (RuntimeException e) {
            return Verdict.MALFORMED;
        }
        if (!"huibao-webhook".equals(header.path("typ").asText())) {
            return Verdict.WRONG_TYPE;
        }
        JsonNode key = null;
        for (JsonNode k : keys.get("keys")) {
            if (k.path("kid").asText().equals(header.path("kid").asText())
                    && "webhook".equals(k.path("purpose").asText())) {
                key = k;
            }
        }
        if (key == null) {
            return Verdict.UNKNOWN_KEY;
        }
        byte[] content = concat(prefix.getBytes(StandardCharsets.US_ASCII), body);
        String alg = header.path("alg").asText();
        boolean valid;
        if ("ES256".equals(alg) && "P-256".equals(key.path("crv").asText())) {
            valid = es256(parts, content, key);
        } else if (Sm2.JWS_ALG.equals(alg) && Sm2.CURVE.equals(key.path("crv").asText())) {
            byte[] input = (parts[0] + "."
                            + Base64.getUrlEncoder().withoutPadding().encodeToString(content))
                    .getBytes(StandardCharsets.US_ASCII);
            valid = Sm2.verify(
                    Sm2.publicKey(key.get("x").asText(), key.get("y").asText()),
                    input,
                    Base64.getUrlDecoder().decode(parts[2]));
        } else {
            return Verdict.UNKNOWN_KEY;
        }
        return valid ? Verdict.ACCEPTED : Verdict.BAD_SIGNATURE;
    }

    private static boolean es256(String[] parts, byte[] content, JsonNode key) {
        try {
            JWSObject jws = new JWSObject(Base64URL.from(parts[0]), new Payload(content), Base64URL.from(parts[2]));
            return jws.verify(new ECDSAVerifier(ECKey.parse(key.toString())));
        } catch (ParseException | JOSEException e) {
            return false;
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
