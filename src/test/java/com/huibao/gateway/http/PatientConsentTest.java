package com.huibao.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.support.ResponseContract;
import com.huibao.gateway.support.Settlements;
import com.huibao.gateway.support.Sql;
import com.huibao.gateway.support.TestGateway;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A patient signs in with the app's ID token, sees their policies, grants and revokes; revocation bites at once. */
class PatientConsentTest {
    private static TestGateway gw;

    @BeforeAll
    static void start() {
        gw = TestGateway.start(Map.of());
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    private static String demoToken() {
        return Json.parse(
                        gw.send(gw.request("POST", "/demo/patient-token", null).build())
                                .body())
                .get("id_token")
                .asText();
    }

    private static HttpResponse<String> me(String token, String method, String path, String body) {
        return gw.send(gw.request(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8))
                .header("Authorization", "Bearer " + token)
                .build());
    }

    private static String idToken(ECKey key, String issuer, String audience, Instant exp, String certno)
            throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject("someone")
                .issueTime(Date.from(Instant.now().minusSeconds(10)))
                .expirationTime(Date.from(exp))
                .claim("psn_cert_type", "01")
                .claim("certno", certno)
                .build();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new ECDSASigner(key));
        return jwt.serialize();
    }

    /** An ID token of the demo identity provider for another demo person (its key is a published demo key). */
    private static String demoIdpToken(String certno) throws Exception {
        ECKey idp = ECKey.parse(Files.readString(Path.of("config/demo/keys/patient-idp.private.jwk")));
        return idToken(
                idp, "https://idp.demo.huibao.local", "huibao-h5", Instant.now().plusSeconds(600), certno);
    }

    private static HttpResponse<String> quickClaim(String setlId) {
        return gw.signed(
                "demo-insurer-pmi",
                "POST",
                "/v1/quick-claims",
                ("{\"setl_id\":\"" + setlId + "\",\"policy_no\":\"PMI-778899\"}").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void forged_expired_and_misaddressed_id_tokens_are_refused() throws Exception {
        ECKey idp = ECKey.parse(Files.readString(Path.of("config/demo/keys/patient-idp.private.jwk")));
        ECKey stranger = new ECKeyGenerator(Curve.P_256).keyID(idp.getKeyID()).generate();
        String issuer = "https://idp.demo.huibao.local";
        Instant later = Instant.now().plusSeconds(600);
        assertThat(me(idToken(idp, issuer, "huibao-h5", later, "310101198001010011"), "GET", "/v1/me/policies", null)
                        .statusCode())
                .isEqualTo(200);
        for (String bad : new String[] {
            idToken(stranger, issuer, "huibao-h5", later, "310101198001010011"),
            idToken(idp, issuer, "huibao-h5", Instant.now().minusSeconds(3600), "310101198001010011"),
            idToken(idp, issuer, "another-app", later, "310101198001010011"),
            idToken(idp, "https://evil.example", "huibao-h5", later, "310101198001010011"),
            TestGateway.demoSigner("demo-hospital").sign("GET", "/v1/me/policies", null)
        }) {
            HttpResponse<String> r = me(bad, "GET", "/v1/me/policies", null);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
            assertThat(Json.parse(r.body()).get("code").asText()).isEqualTo("INVALID_ID_TOKEN");
        }
    }

    @Test
    void policies_show_masked_identity_numbers() {
        JsonNode policies = Json.parse(
                        me(demoToken(), "GET", "/v1/me/policies", null).body())
                .get("policies");
        assertThat(policies).hasSize(2);
        assertThat(policies.get(0).get("certno").asText()).isEqualTo("310***********0011");
    }

    /**
     * The policy card shows the deductible that applies to this policy: 沪惠保 2025's 12,000 falls to 11,000 after two
     * claim-free editions (shared/hmb2025/TERMS.md), as the insurer's eligibility answer and the engine apply it.
     */
    @Test
    void a_policy_card_shows_the_deductible_its_claim_free_editions_reach() throws Exception {
        HttpResponse<String> r = me(demoIdpToken("310104199002020022"), "GET", "/v1/me/policies", null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode card = Json.parse(r.body()).get("policies").get(0);
        assertThat(card.get("policy_no").asText()).isEqualTo("HMB25-000002");
        assertThat(card.get("claim_free_editions").asInt()).isEqualTo(2);
        JsonNode pool = card.get("balance").get("deductibles").get(0);
        assertThat(pool.get("pool").asText()).isEqualTo("INPATIENT_ANNUAL");
        assertThat(pool.get("amount").asText()).isEqualTo("11000.00");
        assertThat(pool.get("left").asText()).isEqualTo("11000.00");
    }

    @Test
    void grant_revoke_and_the_insurer_is_denied_at_once() throws Exception {
        String token = demoToken();
        gw.signed("demo-datafeed", "POST", "/v1/settlements", Settlements.outpatient("S-P1"));
        gw.signed("demo-datafeed", "POST", "/v1/settlements", Settlements.outpatient("S-P2"));

        // Revoke every PMI consent: the insurer's next quick claim is denied.
        for (JsonNode c :
                Json.parse(me(token, "GET", "/v1/me/consents", null).body()).get("consents")) {
            if (c.get("insurer_id").asText().equals("INS-PMI")) {
                HttpResponse<String> revoked =
                        me(token, "DELETE", "/v1/me/consents/" + c.get("id").asText(), null);
                assertThat(revoked.statusCode()).isEqualTo(200);
                assertThat(Json.parse(revoked.body()).get("revoked_at").isNull())
                        .isFalse();
                // the insurer is told, through the outbox written in the revocation's transaction
                assertThat(Sql.outboxPayloads(
                                        gw.gateway().database(),
                                        "type = 'consent.revoked' AND insurer_id = 'INS-PMI' AND ordering_key = 'consent:"
                                                + c.get("id").asText() + "'")
                                .stream()
                                .filter(p -> p.contains(c.get("id").asText())))
                        .hasSize(1);
                assertThat(ResponseContract.get()
                                .eventViolations(Sql.outboxPayloads(
                                                gw.gateway().database(),
                                                "ordering_key = 'consent:"
                                                        + c.get("id").asText() + "'")
                                        .get(0)))
                        .as("the event as the contract's webhooks section says")
                        .isEmpty();
            }
        }
        HttpResponse<String> denied = quickClaim("S-P1");
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(Json.parse(denied.body()).get("code").asText()).isEqualTo("CONSENT_REVOKED");

        // A consent that covers only later settlements does not cover this one.
        HttpResponse<String> late = me(
                token,
                "POST",
                "/v1/me/consents",
                "{\"insurer_id\":\"INS-PMI\",\"purposes\":"
                        + "[\"QUICK_CLAIM\"],\"covers_from\":\"2026-05-01\",\"expires_at\":\"2030-01-01T00:00:00+08:00\"}");
        assertThat(late.statusCode()).as(late.body()).isEqualTo(201);
        assertThat(Json.parse(quickClaim("S-P1").body()).get("code").asText()).isEqualTo("SETTLEMENT_NOT_COVERED");

        HttpResponse<String> granted = me(
                token,
                "POST",
                "/v1/me/consents",
                "{\"insurer_id\":\"INS-PMI\",\"purposes\":"
                        + "[\"QUICK_CLAIM\"],\"covers_from\":\"2026-01-01\",\"expires_at\":\"2030-01-01T00:00:00+08:00\"}");
        assertThat(granted.statusCode()).isEqualTo(201);
        String receipt = Json.parse(granted.body()).get("receipt").asText();
        SignedJWT jws = SignedJWT.parse(receipt);
        JWKSet keys = JWKSet.parse(gw.get("/.well-known/jwks.json").body());
        assertThat(jws.verify(new ECDSAVerifier(
                        keys.getKeyByKeyId(jws.getHeader().getKeyID()).toECKey())))
                .isTrue();
        assertThat(jws.getHeader().getType().getType()).isEqualTo("consent-receipt+jwt");
        assertThat(Json.parse(gw.get("/.well-known/jwks.json").body()).get("keys").findParents("kid").stream()
                        .filter(k ->
                                k.get("kid").asText().equals(jws.getHeader().getKeyID()))
                        .findFirst()
                        .orElseThrow()
                        .get("purpose")
                        .asText())
                .as("signed with the receipt key, not the response key")
                .isEqualTo("receipt");
        assertThat(jws.getJWTClaimsSet().getStringClaim("insurer_id")).isEqualTo("INS-PMI");
        assertThat(jws.getJWTClaimsSet().getStringListClaim("purposes")).containsExactly("QUICK_CLAIM");
        assertThat(receipt).doesNotContain("310101198001010011");

        assertThat(quickClaim("S-P2").statusCode()).isEqualTo(201);
    }

    @Test
    void a_patient_can_only_authorize_their_own_insurers_and_touch_their_own_consents() throws Exception {
        String token = demoToken();
        HttpResponse<String> r = me(
                token,
                "POST",
                "/v1/me/consents",
                "{\"insurer_id\":\"INS-NOBODY\",\"purposes\":"
                        + "[\"QUICK_CLAIM\"],\"covers_from\":\"2026-01-01\",\"expires_at\":\"2030-01-01T00:00:00Z\"}");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(Json.parse(r.body()).get("field").asText()).isEqualTo("insurer_id");
        String other = demoIdpToken("310104199002020022");
        String mine = Json.parse(me(token, "GET", "/v1/me/consents", null).body())
                .at("/consents/0/id")
                .asText();
        assertThat(me(other, "DELETE", "/v1/me/consents/" + mine, null).statusCode())
                .isEqualTo(404);
        assertThat(Json.parse(me(other, "GET", "/v1/me/consents", null).body()).get("consents"))
                .hasSize(1);
    }

    @Test
    void every_read_of_the_patients_data_appears_in_their_access_log() {
        gw.signed("demo-hospital", "PUT", "/v1/direct-settlements/S-AL1", Settlements.inpatient("S-AL1"));
        gw.signed("demo-hospital", "GET", "/v1/direct-settlements/S-AL1", null);
        gw.signed("demo-insurer-hmb", "GET", "/v1/policies/HMB26-000001", null);
        JsonNode entries = Json.parse(
                        me(demoToken(), "GET", "/v1/me/access-log", null).body())
                .get("entries");
        List<String> actions = new ArrayList<>();
        entries.forEach(e -> actions.add(e.get("action").asText() + "/"
                + e.get("actor_id").asText() + "/" + e.get("purpose").asText()));
        assertThat(actions)
                .contains(
                        "DIRECT_SETTLEMENT_CONFIRM/demo-hospital/DIRECT_SETTLEMENT",
                        "DIRECT_SETTLEMENT_READ/demo-hospital/DIRECT_SETTLEMENT",
                        "POLICY_READ/demo-insurer-hmb/POLICY_SERVICE");
    }
}
