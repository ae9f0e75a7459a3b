package com.huibao.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huibao.gateway.adapter.pg.DbTarget;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.crypto.RequestSigner;
import com.huibao.gateway.support.Dirs;
import com.huibao.gateway.support.Examples;
import com.huibao.gateway.support.Settlements;
import com.huibao.gateway.support.Sql;
import com.huibao.gateway.support.TestGateway;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** SPEC §5 beyond the token checks: signed answers, rate limits, address allow-lists, reloads, no PII in clear. */
class SecurityTest {
    private static final String PREVIEW = "/v1/direct-settlements/preview";

    @Test
    void every_answer_to_a_client_is_signed_with_the_published_key() throws Exception {
        TestGateway gw = TestGateway.shared();
        HttpResponse<String> ok =
                gw.signed("demo-hospital", "POST", PREVIEW, Examples.bytes("settlement-inpatient-1.json"));
        HttpResponse<String> problem = gw.signed("demo-hospital", "GET", "/v1/direct-settlements/S-NONE", null);
        JWKSet keys = JWKSet.parse(gw.get("/.well-known/jwks.json").body());
        assertThat(keys.getKeys()).allSatisfy(k -> assertThat(k.isPrivate()).isFalse());
        for (HttpResponse<String> r : List.of(ok, problem)) {
            String sig = r.headers().firstValue("Huibao-Signature").orElseThrow();
            JWSObject jws = JWSObject.parse(sig, new Payload(r.body().getBytes(StandardCharsets.UTF_8)));
            ECKey key = keys.getKeyByKeyId(jws.getHeader().getKeyID()).toECKey();
            assertThat(jws.verify(new ECDSAVerifier(key))).isTrue();
            JWSObject altered = JWSObject.parse(sig, new Payload((r.body() + " ").getBytes(StandardCharsets.UTF_8)));
            assertThat(altered.verify(new ECDSAVerifier(key))).isFalse();
        }
        assertThat(gw.get("/health/live").headers().firstValue("Huibao-Signature"))
                .isEmpty();
    }

    @Test
    void the_key_set_is_cacheable_and_after_a_rotation_the_retired_key_still_verifies_what_it_signed()
            throws Exception {
        TestGateway before = TestGateway.shared();
        HttpResponse<String> oldAnswer = before.signed("demo-hospital", "GET", "/v1/direct-settlements/S-NONE", null);
        HttpResponse<String> set = before.get("/.well-known/jwks.json");
        String etag = set.headers().firstValue("ETag").orElseThrow();
        assertThat(set.headers().firstValue("Cache-Control")).hasValue("public, max-age=3600");
        HttpResponse<String> unchanged = before.send(HttpRequest.newBuilder(before.uri("/.well-known/jwks.json"))
                .header("If-None-Match", etag)
                .GET()
                .build());
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
        assertThat(unchanged.headers().firstValue("ETag")).hasValue(etag);

        Path dir = Files.createDirectories(Path.of("target/rotation-" + UUID.randomUUID()));
        ECKey next = new ECKeyGenerator(Curve.P_256)
                .keyID("huibao-gateway-response-next")
                .generate();
        Files.writeString(dir.resolve("response-next.private.jwk"), next.toJSONString());
        try (TestGateway after = TestGateway.start(Map.of(
                "GATEWAY_SIGNING_KEY_FILE",
                dir.resolve("response-next.private.jwk").toString(),
                "GATEWAY_SIGNING_RETIRED_KEY_FILES",
                "response:config/demo/keys/gateway.private.jwk"))) {
            HttpResponse<String> rotated = after.send(HttpRequest.newBuilder(after.uri("/.well-known/jwks.json"))
                    .header("If-None-Match", etag)
                    .GET()
                    .build());
            assertThat(rotated.statusCode())
                    .as("a client revalidating its cached set gets the new one")
                    .isEqualTo(200);
            assertThat(rotated.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
            JsonNode keys = Json.parse(rotated.body());
            String oldKid = JWSObject.parse(
                            oldAnswer.headers().firstValue("Huibao-Signature").orElseThrow(),
                            new Payload(oldAnswer.body()))
                    .getHeader()
                    .getKeyID();
            JsonNode retired = keys.get("keys").findParents("kid").stream()
                    .filter(k -> k.get("kid").asText().equals(oldKid))
                    .findFirst()
                    .orElseThrow();
            assertThat(retired.get("purpose").asText()).isEqualTo("response");
            assertThat(retired.get("retired").asBoolean()).isTrue();
            JWSObject old = JWSObject.parse(
                    oldAnswer.headers().firstValue("Huibao-Signature").orElseThrow(),
                    new Payload(oldAnswer.body().getBytes(StandardCharsets.UTF_8)));
            assertThat(old.verify(new ECDSAVerifier(ECKey.parse(retired.toString()))))
                    .as("an answer of the old key")
                    .isTrue();
            HttpResponse<String> newAnswer =
                    after.signed("demo-hospital", "GET", "/v1/direct-settlements/S-NONE", null);
            assertThat(JWSObject.parse(
                                    newAnswer
                                            .headers()
                                            .firstValue("Huibao-Signature")
                                            .orElseThrow(),
                                    new Payload(newAnswer.body()))
                            .getHeader()
                            .getKeyID())
                    .isEqualTo("huibao-gateway-response-next");
        } finally {
            Dirs.deleteQuietly(dir);
        }
    }

    @Test
    void a_client_over_its_rate_gets_429_with_retry_after() {
        try (TestGateway gw =
                TestGateway.start(Map.of("GATEWAY_RATE_LIMIT_PER_SECOND", "1", "GATEWAY_RATE_LIMIT_BURST", "3"))) {
            List<Integer> statuses = new ArrayList<>();
            HttpResponse<String> limited = null;
            for (int i = 0; i < 6; i++) {
                HttpResponse<String> r = gw.signed("demo-hospital", "GET", "/v1/direct-settlements/S-NONE", null);
                statuses.add(r.statusCode());
                if (r.statusCode() == 429) {
                    limited = r;
                }
            }
            assertThat(statuses.subList(0, 3)).containsOnly(404);
            assertThat(limited).isNotNull();
            assertThat(limited.headers().firstValue("Retry-After")).isPresent();
            assertThat(Json.parse(limited.body()).get("code").asText()).isEqualTo("RATE_LIMITED");
            assertThat(gw.signed("demo-insurer-hmb", "GET", "/v1/claims", null).statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void address_allow_lists_and_registry_reloads_apply_without_restart() throws Exception {
        Path clients = Path.of("target/clients-" + UUID.randomUUID());
        TestGateway.registerClient(clients, "far-hospital", "HOSPITAL", "H31010100001");
        Files.writeString(
                clients.resolve("far-hospital.json"),
                Files.readString(clients.resolve("far-hospital.json"))
                        .replace("\"jwks\"", "\"allowed_ips\":[\"10.9.9.9\"],\"jwks\""));
        try (TestGateway gw = TestGateway.start(Map.of("GATEWAY_CLIENTS_DIR", clients.toString()))) {
            RequestSigner far = signerFor(clients, "far-hospital");
            HttpResponse<String> r = gw.signedBy(far, "GET", "/v1/direct-settlements/S-NONE", null);
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(Json.parse(r.body()).get("code").asText()).isEqualTo("ADDRESS_NOT_ALLOWED");

            RequestSigner late = TestGateway.registerClient(clients, "late-hospital", "HOSPITAL", "H31010100001");
            int status = 0;
            for (int i = 0; i < 40 && status != 404; i++) {
                status = gw.signedBy(late, "GET", "/v1/direct-settlements/S-NONE", null)
                        .statusCode();
                Thread.sleep(250);
            }
            assertThat(status)
                    .as("a client added while running is accepted within seconds")
                    .isEqualTo(404);
        }
    }

    private static RequestSigner signerFor(Path clients, String id) {
        return TestGateway.lastRegistered(id);
    }

    @Test
    void no_identity_number_or_name_in_clear_anywhere_in_the_database_or_the_logs() throws Exception {
        try (TestGateway gw = TestGateway.start(Map.of())) {
            gw.signed("demo-datafeed", "POST", "/v1/settlements", Settlements.outpatient("S-PII-1"));
            gw.signed("demo-hospital", "PUT", "/v1/direct-settlements/S-PII-2", Settlements.inpatient("S-PII-2"));
            gw.signed("demo-hospital", "POST", PREVIEW, Settlements.inpatient("S-PII-3"));
            gw.signed(
                    "demo-insurer-hmb",
                    "POST",
                    "/v1/quick-claims",
                    "{\"setl_id\":\"S-PII-1\",\"policy_no\":\"HMB26-000001\"}".getBytes(StandardCharsets.UTF_8));
            gw.signed("demo-insurer-hmb", "GET", "/v1/policies/HMB26-000001", null);
            String dump = dump(gw.gateway().database());
            assertThat(dump).contains("HMB26-000001").contains("S-PII-2"); // the dump is real
            for (String secret : List.of("310101198001010011", "310104199002020022", "张三", "李四")) {
                assertThat(dump).as("database dump").doesNotContain(secret);
            }
        }
        String logs = Files.readString(Path.of("target/test-gateway.log"));
        assertThat(logs).doesNotContain("310101198001010011").doesNotContain("张三");
    }

    /** Every row of every table of the public schema as text: what a database dump would hold. */
    private static String dump(DbTarget db) throws Exception {
        StringBuilder out = new StringBuilder();
        try (Connection c = Sql.connect(db);
                var s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                try (ResultSet rs = s.executeQuery("SELECT t::text FROM \"" + t + "\" t")) {
                    while (rs.next()) {
                        out.append(t).append(": ").append(rs.getString(1)).append('\n');
                    }
                }
            }
        }
        return out.toString();
    }
}
