package com.huibao.gateway.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.huibao.gateway.codec.Json;
import com.huibao.gateway.crypto.RequestSigner;
import com.huibao.gateway.support.TestGateway;
import com.nimbusds.jose.jwk.ECKey;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's production set-up: keygen makes the gateway's keys and a hospital's, the gateway starts outside demo
 * mode with them, publishes them, and answers the hospital's signed request; keygen never overwrites a key.
 */
class KeygenCommandTest {
    private static int keygen(String... args) {
        return KeygenCommand.run(
                args,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @Test
    void keys_made_by_keygen_run_a_gateway_outside_demo_mode_and_sign_a_clients_request() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target"), "keygen-");
        Path clients = dir.resolve("clients");
        assertThat(keygen("--out", dir.resolve("keys").toString())).isZero();
        assertThat(keygen(
                        "--out", clients.toString(),
                        "--client", "hosp-a",
                        "--role", "HOSPITAL",
                        "--tenant", "H31010100001"))
                .isZero();
        for (String f : new String[] {
            "gateway-response.private.jwk",
            "gateway-webhook.private.jwk",
            "gateway-receipt.private.jwk",
            "gateway-sm2.private.jwk",
            "gateway.env"
        }) {
            assertThat(PosixFilePermissions.toString(
                            Files.getPosixFilePermissions(dir.resolve("keys").resolve(f))))
                    .as(f)
                    .isEqualTo("rw-------");
        }
        assertThat(keygen("--out", dir.resolve("keys").toString()))
                .as("never overwrites")
                .isEqualTo(1);
        // the registration holds the public key only; the private key stays with the client
        String registration = Files.readString(clients.resolve("hosp-a.json"));
        assertThat(Json.parse(registration).at("/jwks/keys/0").has("d")).isFalse();
        Files.move(clients.resolve("hosp-a.private.jwk"), dir.resolve("hosp-a.private.jwk"));

        Map<String, String> env = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("keys/gateway.env"))) {
            if (!line.startsWith("#") && line.contains("=")) {
                env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        assertThat(env).containsEntry("GATEWAY_DEMO", "false").containsKey("GATEWAY_PII_KEY_HEX");
        env.put("GATEWAY_CLIENTS_DIR", clients.toString());
        try (TestGateway gw = TestGateway.start(env)) {
            String jwks = gw.get("/.well-known/jwks.json").body();
            String responseKid = ECKey.parse(Files.readString(dir.resolve("keys/gateway-response.private.jwk")))
                    .getKeyID();
            assertThat(jwks).contains(responseKid).doesNotContain("demo");
            RequestSigner hospital = new RequestSigner(
                    ECKey.parse(Files.readString(dir.resolve("hosp-a.private.jwk"))), "hosp-a", "huibao-gateway");
            HttpResponse<String> r = gw.signedBy(hospital, "GET", "/v1/reconciliation/2026-03-15", null);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(gw.get("/demo/patient-token").statusCode())
                    .as("no demo outside demo mode")
                    .isNotEqualTo(200);
        }
    }
}
