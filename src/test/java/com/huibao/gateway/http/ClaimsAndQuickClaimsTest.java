package com.huibao.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.crypto.RequestSigner;
import com.huibao.gateway.support.Settlements;
import com.huibao.gateway.support.Sql;
import com.huibao.gateway.support.TestGateway;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Claims as insurers see them: quick claims, payment, pages, and nothing of another insurer. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClaimsAndQuickClaimsTest {
    private static TestGateway gw;
    private static RequestSigner insB;

    @BeforeAll
    static void start() {
        Path clients = Path.of("target/clients-" + UUID.randomUUID());
        insB = TestGateway.registerClient(clients, "ins-b", "INSURER", "INS-B");
        gw = TestGateway.start(Map.of("GATEWAY_CLIENTS_DIR", clients.toString()));
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    private static HttpResponse<String> as(String client, String method, String path, String body) {
        return gw.signed(client, method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> quick(String client, String setlId, String policyNo) {
        return as(
                client,
                "POST",
                "/v1/quick-claims",
                "{\"setl_id\":\"" + setlId + "\",\"policy_no\":\"" + policyNo + "\"}");
    }

    private static void ingest(String setlId) {
        assertThat(gw.signed("demo-datafeed", "POST", "/v1/settlements", Settlements.inpatient(setlId))
                        .statusCode())
                .isEqualTo(201);
    }

    @Test
    @Order(1)
    void a_quick_claim_is_computed_once_and_later_requests_get_the_same_claim() {
        ingest("S-Q1");
        // The patient authorized INS-HMB for proactive claims: the intake already made HMB's claim (3,208.26 as in the
        // worked example). PMI's quick claim sees what HMB left of each line, so it pays the worked example's 4,344.07.
        HttpResponse<String> first = quick("demo-insurer-pmi", "S-Q1", "PMI-778899");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        JsonNode c = Json.parse(first.body());
        assertThat(c.get("payout").asText()).isEqualTo("4344.07");
        assertThat(c.get("state").asText()).isEqualTo("APPROVED");
        assertThat(c.get("channel").asText()).isEqualTo("QUICK_CLAIM");
        HttpResponse<String> again = quick("demo-insurer-pmi", "S-Q1", "PMI-778899");
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(Json.parse(again.body()).get("claim_id").asText())
                .isEqualTo(c.get("claim_id").asText());
        assertThat(Json.parse(again.body()).get("replay").asBoolean()).isTrue();

        // HMB asking for a quick claim gets its proactive claim back: nothing is paid twice.
        HttpResponse<String> hmbReply = quick("demo-insurer-hmb", "S-Q1", "HMB26-000001");
        assertThat(hmbReply.statusCode()).isEqualTo(200);
        JsonNode hmb = Json.parse(hmbReply.body());
        assertThat(hmb.get("channel").asText()).isEqualTo("PROACTIVE_CLAIM");
        BigDecimal total = new BigDecimal(hmb.get("payout").asText())
                .add(new BigDecimal(c.get("payout").asText()));
        assertThat(total).isEqualByComparingTo("7552.33");
    }

    @Test
    @Order(2)
    void a_quick_claim_after_a_direct_settlement_pays_nothing_twice() {
        HttpResponse<String> confirmed =
                gw.signed("demo-hospital", "PUT", "/v1/direct-settlements/S-Q2", Settlements.inpatient("S-Q2"));
        assertThat(confirmed.statusCode()).isEqualTo(200);
        String claimId = Json.parse(confirmed.body()).at("/policies/0/claim_id").asText();
        long totalBefore = Sql.count(
                gw.gateway().database(),
                "SELECT (amount * 100)::bigint FROM accumulators "
                        + "WHERE policy_no = 'HMB26-000001' AND kind = 'total'");
        HttpResponse<String> r = quick("demo-insurer-hmb", "S-Q2", "HMB26-000001");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode c = Json.parse(r.body());
        assertThat(c.get("claim_id").asText()).isEqualTo(claimId);
        assertThat(c.get("channel").asText()).isEqualTo("DIRECT_SETTLEMENT");
        assertThat(Sql.count(gw.gateway().database(), "SELECT count(*) FROM claims WHERE setl_id = 'S-Q2'"))
                .isEqualTo(2);
        assertThat(Sql.count(
                        gw.gateway().database(),
                        "SELECT (amount * 100)::bigint FROM accumulators "
                                + "WHERE policy_no = 'HMB26-000001' AND kind = 'total'"))
                .isEqualTo(totalBefore);
    }

    @Test
    @Order(3)
    void claims_list_in_stable_pages_while_new_claims_arrive() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int page = 0;
        do {
            String path = "/v1/claims?limit=1" + (cursor == null ? "" : "&cursor=" + cursor);
            JsonNode body = Json.parse(as("demo-insurer-hmb", "GET", path, null).body());
            body.get("claims").forEach(c -> seen.add(c.get("claim_id").asText()));
            cursor = body.get("next_cursor").isNull()
                    ? null
                    : body.get("next_cursor").asText();
            if (page++ == 0) {
                // A new claim arrives after the first page: it must come at the end, and nothing may repeat or vanish.
                assertThat(gw.signed(
                                        "demo-hospital",
                                        "PUT",
                                        "/v1/direct-settlements/S-Q3",
                                        Settlements.inpatient("S-Q3"))
                                .statusCode())
                        .isEqualTo(200);
            }
        } while (cursor != null);
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen).hasSize((int)
                Sql.count(gw.gateway().database(), "SELECT count(*) FROM claims WHERE insurer_id = 'INS-HMB'"));
        JsonNode filtered = Json.parse(
                as("demo-insurer-hmb", "GET", "/v1/claims?policy_no=HMB26-000001&status=APPROVED" + "&limit=100", null)
                        .body());
        assertThat(filtered.get("claims"))
                .allSatisfy(c -> assertThat(c.get("state").asText()).isEqualTo("APPROVED"));
    }

    @Test
    @Order(4)
    void a_claim_shows_its_full_breakdown_and_moves_to_paid_once() {
        String id = Json.parse(quick("demo-insurer-pmi", "S-Q1", "PMI-778899").body())
                .get("claim_id")
                .asText();
        JsonNode detail = Json.parse(
                as("demo-insurer-pmi", "GET", "/v1/claims/" + id, null).body());
        assertThat(detail.at("/result/responsibilities/0/id").asText()).isEqualTo("ALL_INPATIENT");
        assertThat(detail.at("/result/accumulators/after/total").asText()).isNotBlank();
        assertThat(detail.at("/result/line_outcomes")).hasSize(5);

        String pay = "{\"payment_ref\":\"PAY-001\",\"paid_at\":\"2026-11-20T10:00:00+08:00\"}";
        HttpResponse<String> paid = as("demo-insurer-pmi", "POST", "/v1/claims/" + id + "/payment", pay);
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(200);
        assertThat(Json.parse(paid.body()).get("state").asText()).isEqualTo("PAID");
        assertThat(as("demo-insurer-pmi", "POST", "/v1/claims/" + id + "/payment", pay)
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> other =
                as("demo-insurer-pmi", "POST", "/v1/claims/" + id + "/payment", pay.replace("PAY-001", "PAY-002"));
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(Json.parse(other.body()).get("code").asText()).isEqualTo("ILLEGAL_TRANSITION");

        gw.signed("demo-hospital", "POST", "/v1/direct-settlements/S-Q3/reversal", null);
        String reversed = Json.parse(as("demo-insurer-hmb", "GET", "/v1/claims?status=REVERSED", null)
                        .body())
                .at("/claims/0/claim_id")
                .asText();
        assertThat(as("demo-insurer-hmb", "POST", "/v1/claims/" + reversed + "/payment", pay)
                        .statusCode())
                .isEqualTo(409);
    }

    @Test
    @Order(5)
    void another_insurer_sees_and_changes_none_of_these_claims() {
        String id = Json.parse(quick("demo-insurer-pmi", "S-Q1", "PMI-778899").body())
                .get("claim_id")
                .asText();
        assertThat(gw.signedBy(insB, "GET", "/v1/claims/" + id, null).statusCode())
                .isEqualTo(404);
        assertThat(gw.signedBy(
                                insB,
                                "POST",
                                "/v1/claims/" + id + "/payment",
                                "{\"payment_ref\":\"X\",\"paid_at\":\"2026-11-20T10:00:00Z\"}".getBytes())
                        .statusCode())
                .isEqualTo(404);
        assertThat(gw.signedBy(
                                insB,
                                "POST",
                                "/v1/quick-claims",
                                "{\"setl_id\":\"S-Q1\",\"policy_no\":\"PMI-778899\"}".getBytes())
                        .statusCode())
                .isEqualTo(404);
        assertThat(Json.parse(gw.signedBy(insB, "GET", "/v1/claims", null).body())
                        .get("claims"))
                .isEmpty();
        assertThat(quick("demo-insurer-hmb", "S-Q1", "PMI-778899").statusCode()).isEqualTo(404);
        assertThat(quick("demo-insurer-hmb", "S-NOPE", "HMB26-000001").statusCode())
                .isEqualTo(404);
    }

    @Test
    @Order(6)
    void without_the_patients_quick_claim_consent_the_insurer_gets_nothing() {
        ingest("S-Q4");
        Sql.update(gw.gateway().database(), "UPDATE consents SET revoked_at = now() WHERE insurer_id = 'INS-PMI'");
        HttpResponse<String> r = quick("demo-insurer-pmi", "S-Q4", "PMI-778899");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(Json.parse(r.body()).get("code").asText()).isEqualTo("CONSENT_REVOKED");
        assertThat(Sql.count(
                        gw.gateway().database(),
                        "SELECT count(*) FROM claims WHERE setl_id = 'S-Q4' " + "AND insurer_id = 'INS-PMI'"))
                .isZero();
    }
}
