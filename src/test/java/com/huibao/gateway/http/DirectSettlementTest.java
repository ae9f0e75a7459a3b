package com.huibao.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.adapter.pg.DbTarget;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.support.Examples;
import com.huibao.gateway.support.JsonSubset;
import com.huibao.gateway.support.Settlements;
import com.huibao.gateway.support.Sql;
import com.huibao.gateway.support.TestGateway;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Confirm, read back, reverse: the worked examples end to end on a fresh database per test. */
class DirectSettlementTest {
    private TestGateway gw;
    private DbTarget db;

    @BeforeEach
    void start() {
        gw = TestGateway.start(Map.of());
        db = gw.gateway().database();
    }

    @AfterEach
    void stop() {
        gw.close();
    }

    private HttpResponse<String> confirm(String setlId, byte[] body) {
        return gw.signed("demo-hospital", "PUT", "/v1/direct-settlements/" + setlId, body);
    }

    private HttpResponse<String> reverse(String setlId) {
        return gw.signed("demo-hospital", "POST", "/v1/direct-settlements/" + setlId + "/reversal", null);
    }

    /** Each policy's accumulators before the settlement, as a preview of it answers them, by policy number. */
    private JsonNode accumulatorsBefore(byte[] body) {
        HttpResponse<String> preview = gw.signed("demo-hospital", "POST", "/v1/direct-settlements/preview", body);
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        ObjectNode out = Json.object();
        Json.parse(preview.body())
                .get("policies")
                .forEach(p -> out.set(p.get("policy_no").asText(), p.at("/accumulators/before")));
        return out;
    }

    private long count(String sql) {
        return Sql.count(db, sql);
    }

    private String accumulator(String policy, String kind, String key) {
        return String.format(
                "%.2f",
                Sql.count(
                                db,
                                "SELECT coalesce((SELECT (amount * 100)::bigint FROM accumulators "
                                        + "WHERE policy_no = '" + policy + "' AND kind = '" + kind + "' AND key = '"
                                        + key + "'), 0)")
                        / 100.0);
    }

    @Test
    void worked_examples_confirm_end_to_end_and_accumulate() {
        HttpResponse<String> first = confirm("S20260315000001", Examples.bytes("settlement-inpatient-1.json"));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode r1 = Json.parse(first.body());
        JsonSubset.assertSubset(Examples.json("expected-inpatient-1.json"), r1);
        assertThat(r1.get("state").asText()).isEqualTo("CONFIRMED");
        assertThat(r1.at("/policies/0/claim_id").asText()).startsWith("CLM-");
        assertThat(r1.at("/policies/0/pays_hospital").asText()).isEqualTo("3208.26");
        assertThat(r1.at("/policies/1/pays_hospital").asText()).isEqualTo("4344.07");
        assertThat(count("SELECT count(*) FROM claims WHERE state = 'APPROVED'"))
                .isEqualTo(2);

        assertThat(accumulator("HMB26-000001", "deductible", "GENERAL")).isEqualTo("2451.76");
        assertThat(accumulator("HMB26-000001", "paid", "SPECIALTY_DRUG")).isEqualTo("3005.39");
        assertThat(accumulator("HMB26-000001", "total", "")).isEqualTo("3208.26");
        assertThat(accumulator("PMI-778899", "deductible", "ANNUAL")).isEqualTo("1000.00");
        assertThat(accumulator("PMI-778899", "total", "")).isEqualTo("4344.07");

        // a preview reads the person's accumulators outside any transaction: the same bill again pays more, its
        // annual deductible (PMI-778899) having been met by the first confirm
        ObjectNode again = (ObjectNode) Examples.json("settlement-inpatient-1.json");
        ((ObjectNode) again.get("setlinfo")).put("setl_id", "S20260315000099");
        HttpResponse<String> preview =
                gw.signed("demo-hospital", "POST", "/v1/direct-settlements/preview", Json.bytes(again));
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        assertThat(Json.parse(preview.body()).at("/policies/1/policy_no").asText())
                .isEqualTo("PMI-778899");
        assertThat(new BigDecimal(
                        Json.parse(preview.body()).at("/policies/1/payout").asText()))
                .isGreaterThan(new BigDecimal(r1.at("/policies/1/payout").asText()));

        HttpResponse<String> second = confirm("S20260420000002", Examples.bytes("settlement-outpatient-2.json"));
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        JsonSubset.assertSubset(Examples.json("expected-outpatient-2.json"), Json.parse(second.body()));
        assertThat(Json.parse(second.body()).at("/policies/1/claim_id").isNull())
                .isTrue();

        HttpResponse<String> read = gw.signed("demo-hospital", "GET", "/v1/direct-settlements/S20260315000001", null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(Json.parse(read.body()).get("state").asText()).isEqualTo("CONFIRMED");
        assertThat(Json.parse(read.body()).get("payout_total").asText()).isEqualTo("7552.33");
    }

    @Test
    void the_same_body_returns_the_stored_response_and_another_body_conflicts() throws Exception {
        byte[] body = Examples.bytes("settlement-inpatient-1.json");
        String first = confirm("S20260315000001", body).body();
        HttpResponse<String> again = confirm("S20260315000001", body);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first);

        // Same content, other key order and formatting: the same request.
        ObjectNode reordered = Json.object();
        JsonNode doc = Examples.json("settlement-inpatient-1.json");
        reordered.set("feedetail", doc.get("feedetail"));
        reordered.set("diseinfo", doc.get("diseinfo"));
        reordered.set("setlinfo", doc.get("setlinfo"));
        assertThat(confirm(
                                "S20260315000001",
                                Json.MAPPER
                                        .writerWithDefaultPrettyPrinter()
                                        .writeValueAsString(reordered)
                                        .getBytes(StandardCharsets.UTF_8))
                        .body())
                .isEqualTo(first);

        ObjectNode other = Settlements.doc("settlement-inpatient-1.json", "S20260315000001");
        ((ObjectNode) other.get("setlinfo")).put("fixmedins_name", "另一个名字");
        HttpResponse<String> conflict = confirm("S20260315000001", Json.bytes(other));
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(Json.parse(conflict.body()).get("code").asText()).isEqualTo("IDEMPOTENCY_CONFLICT");
        assertThat(count("SELECT count(*) FROM claims")).isEqualTo(2);
    }

    @Test
    void path_and_body_setl_id_must_agree() {
        HttpResponse<String> r = confirm("S-OTHER", Examples.bytes("settlement-inpatient-1.json"));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(Json.parse(r.body()).get("field").asText()).isEqualTo("setlinfo.setl_id");
        assertThat(count("SELECT count(*) FROM settlements")).isZero();
    }

    @Test
    void a_body_breaking_the_sum_identities_is_422_and_stores_nothing() {
        ObjectNode doc = Settlements.doc("settlement-inpatient-1.json", "S20260315000001");
        ((ObjectNode) doc.get("feedetail").get(0)).put("inscp_scp_amt", "1100.00");
        HttpResponse<String> r = confirm("S20260315000001", Json.bytes(doc));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(Json.parse(r.body()).get("field").asText()).isEqualTo("feedetail[0].det_item_fee_sumamt");
        assertThat(count("SELECT count(*) FROM settlements")).isZero();
        assertThat(count("SELECT count(*) FROM direct_settlements")).isZero();
        assertThat(count("SELECT count(*) FROM claims")).isZero();
        assertThat(count("SELECT count(*) FROM accumulators")).isZero();
    }

    @Test
    void confirm_reverse_confirm_again() {
        byte[] body = Examples.bytes("settlement-inpatient-1.json");
        JsonNode fresh = accumulatorsBefore(body);
        JsonNode confirmed = Json.parse(confirm("S20260315000001", body).body());

        HttpResponse<String> reversed = reverse("S20260315000001");
        assertThat(reversed.statusCode()).as(reversed.body()).isEqualTo(200);
        JsonNode rev = Json.parse(reversed.body());
        assertThat(rev.get("state").asText()).isEqualTo("REVERSED");
        assertThat(rev.get("claims")).hasSize(2);
        assertThat(rev.at("/accumulators_restored/HMB26-000001/deductible/GENERAL")
                        .asText())
                .isEqualTo("2451.76");
        assertThat(count("SELECT count(*) FROM accumulators WHERE amount <> 0")).isZero();
        assertThat(accumulatorsBefore(body))
                .as("a reversed settlement leaves no trace in what the next preview shows")
                .isEqualTo(fresh);
        assertThat(count("SELECT count(*) FROM claims WHERE state = 'REVERSED'"))
                .isEqualTo(2);

        assertThat(reverse("S20260315000001").body()).isEqualTo(reversed.body());
        HttpResponse<String> read = gw.signed("demo-hospital", "GET", "/v1/direct-settlements/S20260315000001", null);
        assertThat(Json.parse(read.body()).get("state").asText()).isEqualTo("REVERSED");

        HttpResponse<String> sameIdAgain = confirm("S20260315000001", body);
        assertThat(sameIdAgain.statusCode()).isEqualTo(409);
        assertThat(Json.parse(sameIdAgain.body()).get("code").asText()).isEqualTo("SETTLEMENT_REVERSED");

        HttpResponse<String> resettled = confirm("S20260315000009", Settlements.inpatient("S20260315000009"));
        JsonNode again = Json.parse(resettled.body());
        assertThat(again.get("payout_total").asText())
                .isEqualTo(confirmed.get("payout_total").asText());
        assertThat(again.at("/policies/0/payout").asText()).isEqualTo("3208.26");
        assertThat(accumulator("HMB26-000001", "deductible", "GENERAL")).isEqualTo("2451.76");
    }

    @Test
    void reversing_an_unknown_settlement_is_404_and_a_paid_claim_409() {
        assertThat(reverse("S-NOPE").statusCode()).isEqualTo(404);
        confirm("S20260315000001", Examples.bytes("settlement-inpatient-1.json"));
        Sql.update(db, "UPDATE claims SET state = 'PAID', paid_at = now() WHERE policy_no = 'PMI-778899'");
        HttpResponse<String> r = reverse("S20260315000001");
        assertThat(r.statusCode()).isEqualTo(409);
        assertThat(Json.parse(r.body()).get("code").asText()).isEqualTo("CLAIM_ALREADY_PAID");
        assertThat(count("SELECT count(*) FROM claims WHERE state = 'REVERSED'"))
                .isZero();
        assertThat(accumulator("HMB26-000001", "total", "")).isEqualTo("3208.26");
    }

    @Test
    void sub_limit_accumulators_are_stored_and_restored_exactly_by_a_reversal() throws Exception {
        byte[] body = Files.readAllBytes(Path.of("config/demo/settlement-hmb2025-car-t.json"));
        HttpResponse<String> r = confirm("S20260512000031", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(Json.parse(r.body()).get("payout_total").asText()).isEqualTo("513300.00");
        // the surgical-materials sub-limit of the 沪惠保 2025 inpatient benefit, per admission (docs/PLANS.md)
        assertThat(accumulator(
                        "HMB25-000002",
                        "limit",
                        "admission:M20260428000031:sublimit:INPATIENT_SELF_PAY:SURGICAL_MATERIALS"))
                .isEqualTo("13300.00");
        assertThat(accumulator("HMB25-000002", "deductible", "INPATIENT_ANNUAL"))
                .isEqualTo("11000.00");
        assertThat(accumulator("HMB25-000002", "paid", "CAR_T")).isEqualTo("500000.00");
        assertThat(reverse("S20260512000031").statusCode()).isEqualTo(200);
        assertThat(count("SELECT count(*) FROM accumulators WHERE policy_no = 'HMB25-000002' AND amount <> 0"))
                .isZero();
    }
}
