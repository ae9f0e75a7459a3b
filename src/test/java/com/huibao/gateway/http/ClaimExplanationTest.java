package com.huibao.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.support.Patients;
import com.huibao.gateway.support.Settlements;
import com.huibao.gateway.support.TestGateway;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The patient's explanation of benefits for the worked inpatient example, confirmed at the counter: the bill, basic
 * insurance, the share, each policy by name and benefit, and a residual whose reasons add up to it.
 */
class ClaimExplanationTest {
    private static TestGateway gw;

    @BeforeAll
    static void start() {
        gw = TestGateway.start(Map.of());
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    private static HttpResponse<String> me(String certno, String path) {
        return gw.send(gw.request("GET", path, null)
                .header("Authorization", "Bearer " + Patients.token(certno))
                .build());
    }

    @Test
    void every_fen_of_the_patients_share_is_explained_and_another_person_sees_nothing() {
        assertThat(gw.signed("demo-hospital", "PUT", "/v1/direct-settlements/S-EOB", Settlements.inpatient("S-EOB"))
                        .statusCode())
                .isEqualTo(200);
        JsonNode claims = Json.parse(me("310101198001010011", "/v1/me/claims").body());
        String claimId = claims.at("/claims/0/claim_id").asText();
        assertThat(claims.at("/claims/0/fixmedins_name").asText()).isEqualTo("示例医院");

        HttpResponse<String> r = me("310101198001010011", "/v1/me/claims/" + claimId);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode e = Json.parse(r.body());
        assertThat(e.at("/bill/medfee_sumamt").asText()).isEqualTo("26800.00");
        assertThat(e.at("/bill/fund_pay_sumamt").asText()).isEqualTo("17765.00");
        assertThat(e.at("/bill/psn_part_amt").asText()).isEqualTo("9035.00");
        assertThat(e.get("policies").findValuesAsText("policy_no"))
                .as("in the order they pay")
                .containsExactly("HMB26-000001", "PMI-778899");
        assertThat(e.at("/policies/0/plan_name").asText()).isEqualTo("城市普惠医疗保险 2026（示例）");
        assertThat(e.at("/policies/0/benefits").findValuesAsText("name")).contains("特定高额药品");
        assertThat(e.get("payout_total").asText()).isEqualTo("7552.33");
        assertThat(e.get("residual_self_pay").asText()).isEqualTo("1482.67");
        Money reasons = Money.ZERO;
        for (JsonNode w : e.get("residual_reasons")) {
            assertThat(w.get("reason_text").asText()).as(w.toString()).isNotBlank();
            reasons = reasons.plus(Money.parse(w.get("amount").asText()));
        }
        assertThat(reasons).as("the reasons add up to the residual").isEqualTo(Money.parse("1482.67"));

        assertThat(me("310104199002020022", "/v1/me/claims/" + claimId).statusCode())
                .isEqualTo(404);
    }
}
