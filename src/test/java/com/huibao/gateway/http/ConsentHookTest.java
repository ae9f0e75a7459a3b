package com.huibao.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.support.Examples;
import com.huibao.gateway.support.Sql;
import com.huibao.gateway.support.TestGateway;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Policies of insurers the patient has not authorized pay 0 with the denial's reason; the others still pay. */
class ConsentHookTest {
    private static TestGateway gw;

    @BeforeAll
    static void start() {
        gw = TestGateway.start(Map.of());
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    private JsonNode preview() {
        HttpResponse<String> r = gw.signed(
                "demo-hospital",
                "POST",
                "/v1/direct-settlements/preview",
                Examples.bytes("settlement-inpatient-1.json"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.parse(r.body());
    }

    @Test
    void revoked_then_missing_consent_denies_only_that_insurer() {
        Sql.update(gw.gateway().database(), "UPDATE consents SET revoked_at = now() WHERE insurer_id = 'INS-PMI'");
        JsonNode revoked = preview();
        assertThat(revoked.at("/policies/0/payout").asText()).isEqualTo("3208.26");
        assertThat(revoked.at("/policies/1/policy_no").asText()).isEqualTo("PMI-778899");
        assertThat(revoked.at("/policies/1/payout").asText()).isEqualTo("0.00");
        assertThat(revoked.at("/policies/1/reason").asText()).isEqualTo("CONSENT_REVOKED");
        assertThat(revoked.at("/residual_self_pay").asText()).isEqualTo("5826.74");
        assertThat(revoked.at("/policies/1/line_outcomes/1/unpaid/0/reason").asText())
                .isEqualTo("CONSENT_REVOKED");

        Sql.update(gw.gateway().database(), "DELETE FROM consents");
        JsonNode none = preview();
        assertThat(none.at("/policies/0/reason").asText()).isEqualTo("NO_AUTHORIZATION");
        assertThat(none.at("/policies/1/reason").asText()).isEqualTo("NO_AUTHORIZATION");
        assertThat(none.at("/payout_total").asText()).isEqualTo("0.00");
        assertThat(none.at("/residual_self_pay").asText()).isEqualTo("9035.00");
    }
}
