package com.huibao.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.huibao.gateway.codec.Json;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.util.Base64URL;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What {@link TestGateway} checks of every exchange, whatever the test asserts itself: the response is what the
 * contract says ({@link ResponseContract}); a {@code Huibao-Signature} verifies over the body with the key published
 * for purpose {@code response} and has {@code typ} huibao-response; and an answer to a request whose token was
 * valid is signed, whatever its status, unless it was refused before the token could be checked (413, 503
 * {@code OVERLOADED}, a form body) — docs/SECURITY.md.
 */
final class ExchangeChecks {
    /** Codes of refusals made before the token is checked: never signed. */
    private static final Set<String> BEFORE_TOKEN = Set.of("BODY_TOO_LARGE", "OVERLOADED", "UNSUPPORTED_MEDIA_TYPE");

    private ExchangeChecks() {}

    /** {@code tokenValid}: the request carried a valid client token (then the answer must be signed). */
    static void check(JsonNode keys, HttpRequest request, HttpResponse<String> response, boolean tokenValid) {
        List<String> problems = new ArrayList<>(ResponseContract.get()
                .violations(request.method(), request.uri().getPath(), response));
        String signature = response.headers().firstValue("Huibao-Signature").orElse(null);
        if (signature != null) {
            String failure = verify(keys, signature, response.body().getBytes(StandardCharsets.UTF_8));
            if (failure != null) {
                problems.add("Huibao-Signature: " + failure);
            }
        } else if (tokenValid && mustBeSigned(response)) {
            problems.add("an answer (" + response.statusCode() + ") to a verified client is not signed");
        }
        String collect = System.getProperty("contract.collect");
        if (!problems.isEmpty() && collect != null) {
            // -Dcontract.collect=FILE: write every problem down instead of failing at the first (for mending the
            // contract)
            try {
                Files.writeString(
                        Path.of(collect),
                        request.method() + " " + request.uri().getPath() + " -> " + String.join("; ", problems) + "\n",
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(request.method() + " " + request.uri().getPath() + " -> " + response.statusCode()
                    + ": " + String.join("; ", problems) + "\n" + abbreviated(response.body()));
        }
    }

    private static boolean mustBeSigned(HttpResponse<String> response) {
        if (response.statusCode() / 100 != 4 && response.statusCode() / 100 != 5) {
            return true;
        }
        String code = code(response.body());
        if (response.statusCode() == 401) {
            return "TOKEN_REPLAYED".equals(code); // the only 401 after the signature verified
        }
        return !BEFORE_TOKEN.contains(code);
    }

    /** Why a response signature does not verify, or null when it does. */
    static String verify(JsonNode keys, String detached, byte[] body) {
        String[] parts = detached.split("\\.", -1);
        if (parts.length != 3 || !parts[1].isEmpty()) {
            return "not a detached compact JWS";
        }
        try {
            JWSObject jws = new JWSObject(Base64URL.from(parts[0]), new Payload(body), Base64URL.from(parts[2]));
            if (jws.getHeader().getType() == null
                    || !"huibao-response".equals(jws.getHeader().getType().getType())) {
                return "typ is " + jws.getHeader().getType();
            }
            JsonNode key = null;
            for (JsonNode k : keys.path("keys")) {
                if (k.path("kid").asText().equals(jws.getHeader().getKeyID())
                        && "response".equals(k.path("purpose").asText())) {
                    key = k;
                }
            }
            if (key == null) {
                return "kid " + jws.getHeader().getKeyID() + " is not a published response key";
            }
            return jws.verify(new ECDSAVerifier(ECKey.parse(key.toString()))) ? null : "does not verify";
        } catch (ParseException | JOSEException e) {
            return e.getMessage();
        }
    }

    private static String code(String body) {
        try {
            JsonNode tree = Json.parse(body);
            return tree.path("code").asText(null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String abbreviated(String body) {
        return body == null || body.length() < 2000 ? String.valueOf(body) : body.substring(0, 2000) + "…";
    }
}
