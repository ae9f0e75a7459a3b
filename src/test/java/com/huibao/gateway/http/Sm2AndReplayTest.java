package com.huibao.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.huibao.gateway.adapter.pg.EmbeddedDatabase;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.crypto.RequestSigner;
import com.huibao.gateway.crypto.Sm2;
import com.huibao.gateway.support.Examples;
import com.huibao.gateway.support.TestGateway;
import com.nimbusds.jose.util.Base64URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** SM2-with-SM3 signed requests, and a token accepted once across gateway instances sharing a database. */
class Sm2AndReplayTest {
    private static final String PREVIEW = "/v1/direct-settlements/preview";
    private final byte[] body = Examples.bytes("settlement-inpatient-1.json");

    private static HttpResponse<String> post(TestGateway gw, String token, byte[] body) {
        return gw.send(gw.request("POST", PREVIEW, body)
                .header("Authorization", "Bearer " + token)
                .build());
    }

    private static String code(HttpResponse<String> r) {
        return Json.parse(r.body()).path("code").asText();
    }

    @Test
    void sm2_signed_requests_are_accepted_and_forgeries_refused() throws Exception {
        Sm2.KeyPair key = Sm2.generate();
        Path clients = Path.of("target/clients-" + UUID.randomUUID());
        Files.createDirectories(clients);
        Files.writeString(
                clients.resolve("sm2-hospital.json"),
                "{\"client_id\":\"sm2-hospital\",\"role\":\"HOSPITAL\","
                        + "\"tenant\":\"H31010100001\",\"jwks\":{\"keys\":[" + Sm2.publicJwk(key.publicKey(), "sm2-k1")
                        + "]}}");
        try (TestGateway gw = TestGateway.start(Map.of("GATEWAY_CLIENTS_DIR", clients.toString()))) {
            RequestSigner signer = RequestSigner.sm2(key.privateKey(), "sm2-k1", "sm2-hospital", "huibao-gateway");
            HttpResponse<String> ok = post(gw, signer.sign("POST", PREVIEW, body), body);
            assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
            assertThat(Json.parse(ok.body()).get("payout_total").asText()).isEqualTo("7552.33");

            String token = signer.sign("POST", PREVIEW, body);
            byte[] tampered = new String(body).replace("9035.00", "9036.00").getBytes();
            assertThat(code(post(gw, token, tampered))).isEqualTo("BODY_MISMATCH");

            RequestSigner otherKey =
                    RequestSigner.sm2(Sm2.generate().privateKey(), "sm2-k1", "sm2-hospital", "huibao-gateway");
            assertThat(code(post(gw, otherKey.sign("POST", PREVIEW, body), body)))
                    .isEqualTo("BAD_SIGNATURE");
            RequestSigner unknownKid = RequestSigner.sm2(key.privateKey(), "nope", "sm2-hospital", "huibao-gateway");
            assertThat(code(post(gw, unknownKid.sign("POST", PREVIEW, body), body)))
                    .isEqualTo("UNKNOWN_KEY");
            // An SM2 signature labelled ES256 is checked as ES256 against the client's EC keys: it has none.
            String[] parts = signer.sign("POST", PREVIEW, body).split("\\.");
            String relabelled =
                    Base64URL.encode("{\"alg\":\"ES256\",\"kid\":\"sm2-k1\"}") + "." + parts[1] + "." + parts[2];
            assertThat(post(gw, relabelled, body).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void a_token_is_accepted_once_across_two_instances_on_one_database() throws Exception {
        Path data = Path.of("target/ext-pg-" + UUID.randomUUID());
        try (EmbeddedDatabase db = EmbeddedDatabase.start(data, 0, true)) {
            String url = "postgresql://postgres@localhost:" + db.target().port() + "/postgres";
            try (TestGateway a = TestGateway.start(Map.of("GATEWAY_DB_URL", url));
                    TestGateway b = TestGateway.start(Map.of("GATEWAY_DB_URL", url))) {
                String token = TestGateway.demoSigner("demo-hospital").sign("POST", PREVIEW, body);
                assertThat(post(a, token, body).statusCode()).isEqualTo(200);
                HttpResponse<String> replay = post(b, token, body);
                assertThat(replay.statusCode()).isEqualTo(401);
                assertThat(code(replay)).isEqualTo("TOKEN_REPLAYED");
            }
        }
    }
}
