package com.huibao.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.huibao.gateway.codec.Json;
import com.huibao.gateway.crypto.RequestSigner;
import com.huibao.gateway.support.Settlements;
import com.huibao.gateway.support.TestGateway;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every answer after a successful token check is signed with the response key, whatever its status; and a client's
 * rate is one bucket per instance, however many event loops its connections land on.
 */
class SignedAnswersTest {
    private static final String HOSPITAL = "demo-hospital";

    @Test
    void every_status_an_authenticated_client_can_get_carries_a_signature_that_verifies_with_the_response_key()
            throws Exception {
        try (TestGateway gw =
                TestGateway.start(Map.of("GATEWAY_RATE_LIMIT_PER_SECOND", "1", "GATEWAY_RATE_LIMIT_BURST", "20"))) {
            Map<Integer, HttpResponse<String>> byStatus = new TreeMap<>();
            byte[] settlement = Settlements.inpatient("S-SIG-1");
            add(byStatus, gw.signed(HOSPITAL, "POST", "/v1/direct-settlements/preview", settlement), 200);
            add(byStatus, gw.signed("demo-datafeed", "POST", "/v1/settlements", Settlements.inpatient("S-SIG-2")), 201);
            add(
                    byStatus,
                    gw.signed(HOSPITAL, "GET", "/v1/direct-settlements/S-SIG-1", "{}".getBytes(StandardCharsets.UTF_8)),
                    400); // BODY_NOT_ALLOWED
            RequestSigner hospital = TestGateway.demoSigner(HOSPITAL);
            String token = hospital.sign("GET", "/v1/direct-settlements/S-NONE", null);
            gw.send(gw.request("GET", "/v1/direct-settlements/S-NONE", null)
                    .header("Authorization", "Bearer " + token)
                    .build());
            add(
                    byStatus,
                    gw.send(gw.request("GET", "/v1/direct-settlements/S-NONE", null)
                            .header("Authorization", "Bearer " + token)
                            .build()),
                    401); // TOKEN_REPLAYED
            add(byStatus, gw.signed("demo-insurer-hmb", "POST", "/v1/direct-settlements/preview", settlement), 403);
            add(byStatus, gw.signed(HOSPITAL, "GET", "/v1/direct-settlements/S-NONE", null), 404);
            assertThat(gw.signed(HOSPITAL, "PUT", "/v1/direct-settlements/S-SIG-1", settlement)
                            .statusCode())
                    .isEqualTo(200);
            add(
                    byStatus,
                    gw.signed(HOSPITAL, "PUT", "/v1/direct-settlements/S-SIG-1", Settlements.outpatient("S-SIG-1")),
                    409);
            byte[] text = "not json".getBytes(StandardCharsets.UTF_8);
            add(
                    byStatus,
                    gw.send(gw.request("POST", "/v1/direct-settlements/preview", text)
                            .setHeader("Content-Type", "text/plain")
                            .header(
                                    "Authorization",
                                    "Bearer " + hospital.sign("POST", "/v1/direct-settlements/preview", text))
                            .build()),
                    415);
            add(byStatus, gw.signed(HOSPITAL, "PUT", "/v1/direct-settlements/S-SIG-OTHER", settlement), 422);
            HttpResponse<String> limited = null;
            for (int i = 0; i < 40 && limited == null; i++) {
                HttpResponse<String> r = gw.signed(HOSPITAL, "GET", "/v1/direct-settlements/S-NONE", null);
                limited = r.statusCode() == 429 ? r : null;
            }
            add(byStatus, limited, 429);
            assertThat(limited.headers().firstValue("Retry-After")).isPresent();

            JWKSet keys = JWKSet.parse(gw.get("/.well-known/jwks.json").body());
            String responseKid = Json.parse(gw.get("/.well-known/jwks.json").body()).findParents("purpose").stream()
                    .filter(k -> k.get("purpose").asText().equals("response"))
                    .findFirst()
                    .orElseThrow()
                    .get("kid")
                    .asText();
            ECKey key = keys.getKeyByKeyId(responseKid).toECKey();
            assertThat(byStatus.keySet()).containsExactly(200, 201, 400, 401, 403, 404, 409, 415, 422, 429);
            byStatus.forEach((status, r) -> {
                String signature = r.headers()
                        .firstValue("Huibao-Signature")
                        .orElseThrow(() -> new AssertionError(status + " is not signed: " + r.body()));
                try {
                    JWSObject jws =
                            JWSObject.parse(signature, new Payload(r.body().getBytes(StandardCharsets.UTF_8)));
                    assertThat(jws.getHeader().getKeyID()).isEqualTo(responseKid);
                    assertThat(jws.getHeader().getType().getType()).isEqualTo("huibao-response");
                    assertThat(jws.verify(new ECDSAVerifier(key)))
                            .as("signature of the " + status)
                            .isTrue();
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            assertThat(Json.parse(byStatus.get(403).body()).get("code").asText())
                    .isEqualTo("ROLE_NOT_ALLOWED");
            assertThat(Json.parse(byStatus.get(429).body()).get("code").asText())
                    .isEqualTo("RATE_LIMITED");
            assertThat(Json.parse(byStatus.get(401).body()).get("code").asText())
                    .isEqualTo("TOKEN_REPLAYED");
            assertThat(Json.parse(byStatus.get(400).body()).at("/errors/0/code").asText())
                    .isEqualTo("BODY_NOT_ALLOWED");
        }
    }

    @Test
    void a_clients_rate_is_one_bucket_on_an_instance_whatever_event_loop_its_connections_land_on() {
        int burst = 10;
        try (TestGateway gw = TestGateway.start(Map.of(
                "GATEWAY_HTTP_INSTANCES",
                "4",
                "GATEWAY_RATE_LIMIT_PER_SECOND",
                "1",
                "GATEWAY_RATE_LIMIT_BURST",
                String.valueOf(burst)))) {
            long started = System.nanoTime();
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 4 * burst; i++) {
                // a connection of its own each time: the server instances take new connections in turn
                HttpClient fresh = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
                String path = "/v1/direct-settlements/S-NONE";
                HttpRequest request = gw.request("GET", path, null)
                        .header(
                                "Authorization",
                                "Bearer " + TestGateway.demoSigner(HOSPITAL).sign("GET", path, null))
                        .build();
                try {
                    statuses.add(fresh.send(request, HttpResponse.BodyHandlers.ofString())
                            .statusCode());
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }
            long elapsedSeconds = (System.nanoTime() - started) / 1_000_000_000L;
            long taken = statuses.stream().filter(s -> s == 404).count();
            assertThat(statuses).containsOnly(404, 429);
            assertThat(taken)
                    .as("the burst and the refill of %d s, not a burst per event loop", elapsedSeconds)
                    .isBetween((long) burst, burst + elapsedSeconds + 1);
        }
    }

    private static void add(Map<Integer, HttpResponse<String>> byStatus, HttpResponse<String> r, int expected) {
        assertThat(r).as("a %d", expected).isNotNull();
        assertThat(r.statusCode()).as(r.body()).isEqualTo(expected);
        byStatus.put(expected, r);
    }
}
