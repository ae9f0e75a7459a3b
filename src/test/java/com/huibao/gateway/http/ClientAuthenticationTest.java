package com.huibao.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.huibao.gateway.codec.Json;
import com.huibao.gateway.crypto.BodyHash;
import com.huibao.gateway.crypto.RequestSigner;
import com.huibao.gateway.support.Examples;
import com.huibao.gateway.support.Settlements;
import com.huibao.gateway.support.Sql;
import com.huibao.gateway.support.TestGateway;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** Signed client requests (SPEC §5) against the running gateway: each forgery refused with its code. */
class ClientAuthenticationTest {
    private static final String PREVIEW = "/v1/direct-settlements/preview";
    private final TestGateway gw = TestGateway.shared();
    private final byte[] body = Examples.bytes("settlement-inpatient-1.json");

    private HttpResponse<String> post(String token, byte[] sent) {
        return gw.send(gw.request("POST", PREVIEW, sent)
                .header("Authorization", "Bearer " + token)
                .build());
    }

    private static void refused(HttpResponse<String> r, int status, String code) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(Json.parse(r.body()).get("code").asText()).isEqualTo(code);
    }

    private JWTClaimsSet.Builder claims(Instant iat) {
        return new JWTClaimsSet.Builder()
                .issuer("demo-hospital")
                .subject("demo-hospital")
                .audience("huibao-gateway")
                .issueTime(Date.from(iat))
                .expirationTime(Date.from(iat.plusSeconds(60)))
                .jwtID(UUID.randomUUID().toString())
                .claim("htm", "POST")
                .claim("htu", PREVIEW)
                .claim("bsh", BodyHash.of(body));
    }

    @Test
    void a_valid_signature_is_accepted() {
        assertThat(post(TestGateway.demoSigner("demo-hospital").sign("POST", PREVIEW, body), body)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void missing_token_is_401() {
        refused(gw.send(gw.request("POST", PREVIEW, body).build()), 401, "MISSING_CREDENTIALS");
    }

    @Test
    void tampered_body_is_refused() {
        String token = TestGateway.demoSigner("demo-hospital").sign("POST", PREVIEW, body);
        byte[] tampered = new String(body).replace("9035.00", "9036.00").getBytes();
        refused(post(token, tampered), 401, "BODY_MISMATCH");
    }

    @Test
    void expired_and_future_tokens_are_refused() {
        RequestSigner s = TestGateway.demoSigner("demo-hospital");
        refused(
                post(
                        s.sign("POST", PREVIEW, body, Instant.now().minusSeconds(600), Duration.ofSeconds(120), "j1"),
                        body),
                401,
                "TOKEN_EXPIRED");
        refused(
                post(
                        s.sign("POST", PREVIEW, body, Instant.now().plusSeconds(600), Duration.ofSeconds(120), "j2"),
                        body),
                401,
                "TOKEN_NOT_YET_VALID");
        refused(
                post(s.sign("POST", PREVIEW, body, Instant.now(), Duration.ofMinutes(30), "j3"), body),
                401,
                "TOKEN_LIFETIME_TOO_LONG");
    }

    @Test
    void a_replayed_token_is_refused() {
        String token = TestGateway.demoSigner("demo-hospital").sign("POST", PREVIEW, body);
        assertThat(post(token, body).statusCode()).isEqualTo(200);
        refused(post(token, body), 401, "TOKEN_REPLAYED");
    }

    @Test
    void token_for_another_path_or_method_is_refused() {
        String token = TestGateway.demoSigner("demo-hospital").sign("POST", "/v1/other", body);
        refused(post(token, body), 401, "WRONG_REQUEST");
    }

    /** docs/SECURITY.md, "Client token rules": strict where leniency buys nothing, lenient where a standard allows. */
    @Test
    void typ_must_be_jwt_and_htm_upper_case_while_a_missing_kid_of_a_one_key_client_and_aud_as_array_are_taken()
            throws Exception {
        ECKey key = ECKey.parse(Files.readString(Path.of("config/demo/keys/demo-hospital.private.jwk")));
        BiFunction<JWSHeader, JWTClaimsSet, String> sign = (header, claims) -> {
            try {
                SignedJWT jwt = new SignedJWT(header, claims);
                jwt.sign(new ECDSASigner(key));
                return jwt.serialize();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        JWSHeader noTyp =
                new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build();
        refused(post(sign.apply(noTyp, claims(Instant.now()).build()), body), 401, "INVALID_TOKEN");
        JWSHeader receiptTyp = new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(key.getKeyID())
                .type(new JOSEObjectType("consent-receipt+jwt"))
                .build();
        refused(post(sign.apply(receiptTyp, claims(Instant.now()).build()), body), 401, "INVALID_TOKEN");
        JWSHeader jwt = new JWSHeader.Builder(JWSAlgorithm.ES256)
                .keyID(key.getKeyID())
                .type(JOSEObjectType.JWT)
                .build();
        refused(post(sign.apply(jwt, claims(Instant.now()).claim("htm", "post").build()), body), 401, "WRONG_REQUEST");

        JWSHeader withoutKid = new JWSHeader.Builder(JWSAlgorithm.ES256)
                .type(JOSEObjectType.JWT)
                .build();
        assertThat(post(sign.apply(withoutKid, claims(Instant.now()).build()), body)
                        .statusCode())
                .as("the demo hospital registered one key")
                .isEqualTo(200);
        assertThat(post(
                                sign.apply(
                                        jwt,
                                        claims(Instant.now())
                                                .audience(List.of("huibao-gateway", "other"))
                                                .build()),
                                body)
                        .statusCode())
                .as("aud as an array holding the gateway")
                .isEqualTo(200);
    }

    @Test
    void alg_none_is_refused() {
        String token = new PlainJWT(claims(Instant.now()).build()).serialize();
        refused(post(token, body), 401, "ALGORITHM_NOT_ALLOWED");
    }

    @Test
    void hs256_signed_with_the_public_key_is_refused() throws Exception {
        ECKey registered = ECKey.parse(Files.readString(Path.of("config/demo/keys/demo-hospital.private.jwk")));
        byte[] secret = registered.toPublicJWK().toJSONString().getBytes();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader(JWSAlgorithm.HS256), claims(Instant.now()).build());
        jwt.sign(new MACSigner(Arrays.copyOf(secret, Math.max(32, secret.length))));
        refused(post(jwt.serialize(), body), 401, "ALGORITHM_NOT_ALLOWED");
    }

    @Test
    void a_key_the_client_did_not_register_is_refused() throws Exception {
        ECKey other =
                new ECKeyGenerator(Curve.P_256).keyID("demo-hospital-2026").generate();
        String token = new RequestSigner(other, "demo-hospital", "huibao-gateway").sign("POST", PREVIEW, body);
        refused(post(token, body), 401, "BAD_SIGNATURE");
        ECKey unknownKid = new ECKeyGenerator(Curve.P_256).keyID("nope").generate();
        refused(
                post(
                        new RequestSigner(unknownKid, "demo-hospital", "huibao-gateway").sign("POST", PREVIEW, body),
                        body),
                401,
                "UNKNOWN_KEY");
    }

    @Test
    void wrong_audience_and_unknown_client_are_refused() throws Exception {
        ECKey key = ECKey.parse(Files.readString(Path.of("config/demo/keys/demo-hospital.private.jwk")));
        refused(
                post(new RequestSigner(key, "demo-hospital", "another-gateway").sign("POST", PREVIEW, body), body),
                401,
                "WRONG_AUDIENCE");
        refused(
                post(new RequestSigner(key, "nobody", "huibao-gateway").sign("POST", PREVIEW, body), body),
                401,
                "UNKNOWN_CLIENT");
    }

    @Test
    void a_refused_state_change_changes_nothing() {
        byte[] confirm = Settlements.inpatient("S-TAMPER");
        String path = "/v1/direct-settlements/S-TAMPER";
        String token = TestGateway.demoSigner("demo-hospital").sign("PUT", path, confirm);
        byte[] tampered = new String(confirm).replace("9035.00", "9036.00").getBytes();
        HttpResponse<String> r = gw.send(gw.request("PUT", path, tampered)
                .header("Authorization", "Bearer " + token)
                .build());
        refused(r, 401, "BODY_MISMATCH");
        refused(gw.signed("demo-insurer-hmb", "PUT", path, confirm), 403, "ROLE_NOT_ALLOWED");
        assertThat(Sql.count(gw.gateway().database(), "SELECT count(*) FROM settlements WHERE setl_id = 'S-TAMPER'"))
                .isZero();
    }
}
