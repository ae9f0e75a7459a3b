package com.huibao.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.support.Patients;
import com.huibao.gateway.support.Settlements;
import com.huibao.gateway.support.Sql;
import com.huibao.gateway.support.TestGateway;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Eligibility and benefit balance over signed HTTP: what the hospital learns before admission, before and after a
 * direct settlement (the balances of shared/examples/accumulators-after-1.json), and what it does not learn when the
 * patient has not authorized an insurer.
 */
class EligibilityTest {
    private static final String ZHANG = "310101198001010011";
    private static TestGateway gw;

    @BeforeAll
    static void start() {
        gw = TestGateway.start(Map.of());
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    private static HttpResponse<String> ask(String client, String body) {
        return gw.signed(client, "POST", "/v1/eligibility", body.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode eligibility(String certno, String date) {
        HttpResponse<String> r = ask(
                "demo-hospital", "{\"psn_cert_type\":\"01\",\"certno\":\"" + certno + "\",\"date\":\"" + date + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).doesNotContain(certno);
        return Json.parse(r.body());
    }

    private static JsonNode policy(JsonNode answer, String policyNo) {
        for (JsonNode p : answer.get("policies")) {
            if (p.get("policy_no").asText().equals(policyNo)) {
                return p;
            }
        }
        throw new AssertionError(policyNo + " not in " + answer);
    }

    private static JsonNode member(JsonNode array, String key, String value) {
        for (JsonNode n : array) {
            if (n.get(key).asText().equals(value)) {
                return n;
            }
        }
        throw new AssertionError(value + " not in " + array);
    }

    @Test
    void balances_before_and_after_a_direct_settlement_and_nothing_without_authorization() {
        JsonNode before = eligibility(ZHANG, "2026-03-15");
        assertThat(before.get("policies").findValuesAsText("policy_no"))
                .containsExactlyInAnyOrder("HMB26-000001", "PMI-778899");
        JsonNode hmb = policy(before, "HMB26-000001");
        assertThat(hmb.get("purposes").toString())
                .contains("DIRECT_SETTLEMENT")
                .contains("QUICK_CLAIM")
                .contains("PROACTIVE_CLAIM");
        assertThat(member(hmb.get("deductibles"), "pool", "GENERAL").get("left").asText())
                .isEqualTo("20000.00");
        assertThat(hmb.at("/overall_cap/left").asText()).isEqualTo("3000000.00");

        HttpResponse<String> confirmed =
                gw.signed("demo-hospital", "PUT", "/v1/direct-settlements/S-ELIG-1", Settlements.inpatient("S-ELIG-1"));
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(200);

        // shared/examples/accumulators-after-1.json, as balances
        JsonNode after = eligibility(ZHANG, "2026-03-15");
        JsonNode hmbAfter = policy(after, "HMB26-000001");
        JsonNode general = member(hmbAfter.get("deductibles"), "pool", "GENERAL");
        assertThat(general.get("used").asText()).isEqualTo("2451.76");
        assertThat(general.get("left").asText()).isEqualTo("17548.24");
        JsonNode drug = member(hmbAfter.get("benefits"), "id", "SPECIALTY_DRUG");
        assertThat(drug.get("name").asText()).isEqualTo("特定高额药品");
        assertThat(drug.get("paid").asText()).isEqualTo("3005.39");
        assertThat(drug.get("left").asText()).isEqualTo("996994.61");
        assertThat(hmbAfter.at("/overall_cap/paid").asText()).isEqualTo("3208.26");
        assertThat(hmbAfter.at("/overall_cap/left").asText()).isEqualTo("2996791.74");
        JsonNode pmi = policy(after, "PMI-778899");
        assertThat(member(pmi.get("deductibles"), "pool", "ANNUAL").get("left").asText())
                .isEqualTo("0.00");
        assertThat(member(pmi.get("benefits"), "id", "ALL_INPATIENT")
                        .get("left")
                        .asText())
                .isEqualTo("1995655.93");

        // The patient revokes INS-PMI: the hospital sees only that a policy of INS-PMI needs an authorization.
        String token = Patients.token(ZHANG);
        JsonNode consents = Json.parse(gw.send(gw.request("GET", "/v1/me/consents", null)
                        .header("Authorization", "Bearer " + token)
                        .build())
                .body());
        for (JsonNode c : consents.get("consents")) {
            if (c.get("insurer_id").asText().equals("INS-PMI")) {
                gw.send(gw.request("DELETE", "/v1/me/consents/" + c.get("id").asText(), null)
                        .header("Authorization", "Bearer " + token)
                        .build());
            }
        }
        JsonNode revoked = eligibility(ZHANG, "2026-03-15");
        assertThat(revoked.get("policies").findValuesAsText("policy_no")).containsExactly("HMB26-000001");
        assertThat(revoked.get("not_authorized")).hasSize(1);
        assertThat(revoked.at("/not_authorized/0/insurer_id").asText()).isEqualTo("INS-PMI");
        assertThat(revoked.at("/not_authorized/0/reason").asText()).isEqualTo("CONSENT_REVOKED");
        assertThat(revoked.toString()).doesNotContain("PMI-778899");

        // Out of every policy's term: nothing.
        JsonNode none = eligibility(ZHANG, "2024-01-01");
        assertThat(none.get("policies")).isEmpty();
        assertThat(none.get("not_authorized")).isEmpty();

        // Every lookup is in the patient's access log.
        JsonNode log = Json.parse(gw.send(gw.request("GET", "/v1/me/access-log", null)
                        .header("Authorization", "Bearer " + token)
                        .build())
                .body());
        assertThat(log.get("entries").findValuesAsText("action")).contains("ELIGIBILITY_CHECK");
        assertThat(Sql.count(
                        gw.gateway().database(), "SELECT count(*) FROM access_log WHERE action = 'ELIGIBILITY_CHECK'"))
                .isEqualTo(4);
    }

    @Test
    void a_question_without_an_identity_is_refused_naming_the_field() {
        HttpResponse<String> r = ask("demo-hospital", "{\"psn_cert_type\":\"01\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(Json.parse(r.body()).get("field").asText()).isEqualTo("certno");
        HttpResponse<String> insurer =
                ask("demo-insurer-hmb", "{\"psn_cert_type\":\"01\",\"certno\":\"" + ZHANG + "\"}");
        assertThat(insurer.statusCode()).isEqualTo(403);
    }
}
