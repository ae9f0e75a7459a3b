package com.huibao.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.support.Patients;
import com.huibao.gateway.support.Settlements;
import com.huibao.gateway.support.Sql;
import com.huibao.gateway.support.TestGateway;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Partial refunds (退费) over signed HTTP on PostgreSQL. The worked inpatient example; the patient returns one of
 * the two boxes of the out-of-catalogue drug (line 4, 1,000.00 all self-paid): the basic insurance refunds 1,000.00
 * of the patient's share. 沪惠保 pays the same (the drug falls into its deductible, which it now uses 1,000.00 less
 * of); the private plan pays 90 % of 1,000.00 less: 4,344.07 → 3,444.07.
 */
class PartialRefundTest {
    private static TestGateway gw;

    /** A gateway of its own per test: each starts from the patient's fresh year. */
    @BeforeEach
    void start() {
        gw = TestGateway.start(Map.of());
    }

    @AfterEach
    void stop() {
        gw.close();
    }

    private static Map<String, String> confirm(String setlId) {
        HttpResponse<String> r =
                gw.signed("demo-hospital", "PUT", "/v1/direct-settlements/" + setlId, Settlements.inpatient(setlId));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Map<String, String> ids = new HashMap<>();
        for (JsonNode p : Json.parse(r.body()).get("policies")) {
            ids.put(p.get("policy_no").asText(), p.get("claim_id").asText());
        }
        return ids;
    }

    private static HttpResponse<String> refund(String setlId, String body) {
        return gw.signed(
                "demo-hospital",
                "POST",
                "/v1/direct-settlements/" + setlId + "/refunds",
                body.getBytes(StandardCharsets.UTF_8));
    }

    /** A GET as the worked examples' insured person (310101198001010011), with the demo identity provider's token. */
    private static HttpResponse<String> me(String path) {
        return gw.send(gw.request("GET", path, null)
                .header("Authorization", "Bearer " + Patients.token("310101198001010011"))
                .build());
    }

    private static JsonNode claim(JsonNode refund, String policyNo) {
        for (JsonNode c : refund.get("claims")) {
            if (c.get("policy_no").asText().equals(policyNo)) {
                return c;
            }
        }
        throw new AssertionError(policyNo + " not in " + refund);
    }

    /** Every policy's accumulators equal the sum of its live deltas (the ledger's own identity). */
    private static long accumulatorsOffTheirDeltas() {
        return Sql.count(
                gw.gateway().database(),
                "SELECT count(*) FROM accumulators a FULL JOIN (SELECT policy_no, kind, key, sum(amount) AS amount "
                        + "FROM accumulator_deltas WHERE NOT reversed GROUP BY policy_no, kind, key) d USING (policy_no, "
                        + "kind, key) WHERE coalesce(a.amount, 0) <> coalesce(d.amount, 0)");
    }

    @Test
    void a_refund_re_adjudicates_the_claims_once_and_moves_the_accumulators_by_the_difference() {
        Map<String, String> claims = confirm("S-RF-1");
        HttpResponse<String> r = refund("S-RF-1", Settlements.refundOneBoxOfLine4("RF-1", "4R"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode a = Json.parse(r.body());
        assertThat(a.get("payout_total").asText()).isEqualTo("6652.33");
        assertThat(a.get("patient_cash_due").asText()).isEqualTo("382.67");
        JsonNode pmi = claim(a, "PMI-778899");
        assertThat(pmi.get("payout_before").asText()).isEqualTo("4344.07");
        assertThat(pmi.get("payout").asText()).isEqualTo("3444.07");
        assertThat(pmi.get("receivable_from_hospital").asText()).isEqualTo("0.00");
        assertThat(claim(a, "HMB26-000001").get("payout").asText()).isEqualTo("3208.26");

        assertThat(Sql.string(
                        gw.gateway().database(),
                        "SELECT payout::text FROM claims WHERE claim_id = '" + claims.get("PMI-778899") + "'"))
                .isEqualTo("3444.07");
        assertThat(Sql.string(
                        gw.gateway().database(),
                        "SELECT amount::text FROM accumulators WHERE policy_no = 'PMI-778899' AND kind = 'total'"))
                .isEqualTo("3444.07");
        assertThat(Sql.string(
                        gw.gateway().database(),
                        "SELECT amount::text FROM accumulators WHERE policy_no = 'HMB26-000001' "
                                + "AND kind = 'deductible' AND key = 'GENERAL'"))
                .as("the drug no longer in the deductible: 2,451.76 − 1,000.00")
                .isEqualTo("1451.76");
        assertThat(accumulatorsOffTheirDeltas()).isZero();
        assertThat(Sql.outboxPayloads(gw.gateway().database(), "type = 'claim.adjusted'").stream()
                        .filter(p -> p.contains("RF-1")))
                .as("only the claim that changed")
                .hasSize(1);

        HttpResponse<String> again = refund("S-RF-1", Settlements.refundOneBoxOfLine4("RF-1", "4R"));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(r.body());
        HttpResponse<String> other = refund("S-RF-1", Settlements.refundOneBoxOfLine4("RF-1", "4S"));
        assertThat(other.statusCode()).isEqualTo(409);
        assertThat(Json.parse(other.body()).get("code").asText()).isEqualTo("REFUND_CONFLICT");

        // the second box: the line is refunded in full; a third is more than was bought
        HttpResponse<String> second = refund("S-RF-1", Settlements.refundOneBoxOfLine4("RF-2", "4S"));
        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
        assertThat(claim(Json.parse(second.body()), "PMI-778899").get("payout").asText())
                .isEqualTo("2544.07");
        HttpResponse<String> third = refund("S-RF-1", Settlements.refundOneBoxOfLine4("RF-3", "4T"));
        assertThat(third.statusCode()).as(third.body()).isEqualTo(422);
        assertThat(Json.parse(third.body()).get("errors").findValuesAsText("code"))
                .contains("REFUND_EXCEEDS_ORIGINAL");
        assertThat(accumulatorsOffTheirDeltas()).isZero();

        // a reversal after refunds takes back exactly what is left
        assertThat(gw.signed("demo-hospital", "POST", "/v1/direct-settlements/S-RF-1/reversal", null)
                        .statusCode())
                .isEqualTo(200);
        assertThat(Sql.string(
                        gw.gateway().database(),
                        "SELECT amount::text FROM accumulators WHERE policy_no = 'PMI-778899' AND kind = 'total'"))
                .isEqualTo("0.00");
        assertThat(accumulatorsOffTheirDeltas()).isZero();
        assertThat(refund("S-RF-1", Settlements.refundOneBoxOfLine4("RF-4", "4U"))
                        .statusCode())
                .isEqualTo(409);
    }

    @Test
    void a_refund_after_payment_leaves_the_paid_amount_and_names_what_is_owed_back() {
        Map<String, String> claims = confirm("S-RF-2");
        String pmi = claims.get("PMI-778899");
        JsonNode paysHospital = Json.parse(gw.signed("demo-insurer-pmi", "GET", "/v1/claims/" + pmi, null)
                        .body())
                .get("pays_hospital");
        HttpResponse<String> paid = gw.signed(
                "demo-insurer-pmi",
                "POST",
                "/v1/payments",
                ("{\"batch_id\":\"PMI-RF\",\"payee\":\"H31010100001\",\"amount\":\"" + paysHospital.asText()
                                + "\",\"value_date\":\"2026-03-20\",\"items\":[{\"claim_id\":\"" + pmi
                                + "\",\"amount\":\"" + paysHospital.asText() + "\"}]}")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);

        HttpResponse<String> r = refund("S-RF-2", Settlements.refundOneBoxOfLine4("RF-1", "4R"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode c = claim(Json.parse(r.body()), "PMI-778899");
        assertThat(c.get("state").asText()).isEqualTo("PAID");
        assertThat(c.get("payout").asText()).isEqualTo("3444.07");
        assertThat(c.get("receivable_from_hospital").asText())
                .as("paid 4,344.07 to the hospital, owed 3,444.07")
                .isEqualTo("900.00");
        assertThat(Sql.string(
                        gw.gateway().database(),
                        "SELECT state || ' ' || remitted::text FROM claims WHERE claim_id = '" + pmi + "'"))
                .isEqualTo("PAID 4344.07");
        assertThat(Sql.string(
                        gw.gateway().database(),
                        "SELECT receivable_hospital::text FROM claim_adjustments WHERE claim_id = '" + pmi + "'"))
                .isEqualTo("900.00");

        // the day's statement: the confirmation as confirmed, the refund as its change, totals that add up
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        JsonNode statement = Json.parse(gw.signed("demo-hospital", "GET", "/v1/reconciliation/" + today, null)
                .body());
        List<String> pmiEntries = new ArrayList<>();
        for (JsonNode e : statement.get("entries")) {
            if (e.get("claim_id").asText().equals(pmi)) {
                pmiEntries.add(
                        e.get("event").asText() + " " + e.get("pays_hospital").asText());
            }
        }
        assertThat(pmiEntries).containsExactly("CONFIRMED 4344.07", "ADJUSTED -900.00");
        for (JsonNode t : statement.at("/totals/by_insurer")) {
            assertThat(Money.parse(t.get("net").asText()))
                    .isEqualTo(Money.parse(t.get("confirmed").asText())
                            .minus(Money.parse(t.get("reversed").asText()))
                            .plus(Money.parse(t.get("adjusted").asText())));
        }
        assertThat(statement.get("settlements").findValuesAsText("event")).contains("ADJUSTED");
    }

    @Test
    void a_refund_racing_a_payment_of_the_same_claim_settles_in_one_order_with_nothing_lost() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 8; round++) {
                String setlId = "S-RACE-" + round;
                HttpResponse<String> c = gw.signed(
                        "demo-hospital", "PUT", "/v1/direct-settlements/" + setlId, Settlements.inpatient(setlId));
                JsonNode pmi = null;
                for (JsonNode p : Json.parse(c.body()).get("policies")) {
                    if (p.get("policy_no").asText().equals("PMI-778899")) {
                        pmi = p;
                    }
                }
                String claimId = pmi.get("claim_id").asText();
                Money old = Money.parse(pmi.get("pays_hospital").asText());
                String batch = "{\"batch_id\":\"RACE-" + round + "\",\"payee\":\"H31010100001\",\"amount\":\"" + old
                        + "\",\"value_date\":\"2026-03-20\",\"items\":[{\"claim_id\":\"" + claimId + "\",\"amount\":\""
                        + old + "\"}]}";
                Future<HttpResponse<String>> paying = pool.submit(() ->
                        gw.signed("demo-insurer-pmi", "POST", "/v1/payments", batch.getBytes(StandardCharsets.UTF_8)));
                Future<HttpResponse<String>> refunding =
                        pool.submit(() -> refund(setlId, Settlements.refundOneBoxOfLine4("RF", "4R")));
                HttpResponse<String> payment = paying.get();
                HttpResponse<String> refunded = refunding.get();
                assertThat(payment.statusCode()).as(payment.body()).isEqualTo(201);
                assertThat(refunded.statusCode()).as(refunded.body()).isEqualTo(201);
                JsonNode item = Json.parse(payment.body()).at("/items/0");
                JsonNode adjusted = claim(Json.parse(refunded.body()), "PMI-778899");
                Money now = Money.parse(adjusted.get("pays_hospital").asText());
                Money applied = Money.parse(item.get("applied").asText());
                if (item.get("outcome").asText().equals("PAID")) {
                    // paid first: the refund found the claim paid and lists what was paid beyond its new share
                    assertThat(applied).isEqualTo(old);
                    assertThat(adjusted.get("receivable_from_hospital").asText())
                            .isEqualTo(old.minus(now).toString());
                } else {
                    // refunded first: the payment applied only the new share, the rest is listed, not dropped
                    assertThat(item.get("outcome").asText()).isEqualTo("OVERPAID");
                    assertThat(applied).isEqualTo(now);
                    assertThat(item.get("unapplied").asText())
                            .isEqualTo(old.minus(now).toString());
                    assertThat(adjusted.get("receivable_from_hospital").asText())
                            .isEqualTo("0.00");
                }
                assertThat(Sql.string(
                                gw.gateway().database(),
                                "SELECT state || ' ' || remitted::text || ' ' || pays_hospital::text FROM claims "
                                        + "WHERE claim_id = '" + claimId + "'"))
                        .isEqualTo("PAID " + applied + " " + now);
            }
            assertThat(accumulatorsOffTheirDeltas()).isZero();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void a_refund_after_the_insurer_published_a_new_plan_version_is_adjudicated_under_the_version_confirmed() {
        Map<String, String> claims = confirm("S-RF-V");
        JsonNode plan = Json.parse(
                gw.signed("demo-insurer-hmb", "GET", "/v1/plans/HMB-2026", null).body());
        ((ObjectNode) plan.at("/responsibilities/0")).put("ratio", "0.80");
        HttpResponse<String> v2 = gw.signed(
                "demo-insurer-hmb",
                "PUT",
                "/v1/plans/HMB-2026",
                Json.write(plan).getBytes(StandardCharsets.UTF_8));
        assertThat(v2.statusCode()).as(v2.body()).isEqualTo(201);
        assertThat(Json.parse(v2.body()).get("version").asText()).isEqualTo("2");
        assertThat(Sql.string(
                        gw.gateway().database(),
                        "SELECT plan_versions::text FROM direct_settlements WHERE setl_id = 'S-RF-V'"))
                .isEqualTo("{\"HMB-2026\": 1, \"PMI-GOLD\": 1}");

        HttpResponse<String> r = refund("S-RF-V", Settlements.refundOneBoxOfLine4("RF-1", "4R"));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode a = Json.parse(r.body());
        assertThat(claim(a, "HMB26-000001").get("payout").asText())
                .as("version 1 pays the specialty drug at 70 %, as confirmed; version 2 would pay 80 %")
                .isEqualTo("3208.26");
        assertThat(claim(a, "PMI-778899").get("payout").asText()).isEqualTo("3444.07");
        assertThat(Sql.string(
                        gw.gateway().database(),
                        "SELECT plan_version::text FROM claims WHERE claim_id = '" + claims.get("HMB26-000001") + "'"))
                .isEqualTo("1");
        assertThat(accumulatorsOffTheirDeltas()).isZero();
    }

    @Test
    void after_a_partial_refund_the_explanation_is_of_the_settlement_as_it_stands() {
        assertThat(gw.signed(
                                "demo-hospital",
                                "PUT",
                                "/v1/direct-settlements/S-EOB-RF",
                                Settlements.inpatient("S-EOB-RF"))
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> refund = gw.signed(
                "demo-hospital",
                "POST",
                "/v1/direct-settlements/S-EOB-RF/refunds",
                Settlements.refundOneBoxOfLine4("RF-1", "4R").getBytes(StandardCharsets.UTF_8));
        assertThat(refund.statusCode()).as(refund.body()).isEqualTo(201);
        JsonNode mine = null;
        for (JsonNode c : Json.parse(me("/v1/me/claims").body()).get("claims")) {
            if (c.get("setl_id").asText().equals("S-EOB-RF")) {
                mine = c;
            }
        }
        assertThat(mine).isNotNull();

        JsonNode e =
                Json.parse(me("/v1/me/claims/" + mine.get("claim_id").asText()).body());

        assertThat(e.at("/bill/medfee_sumamt").asText())
                .as("26,800.00 less the box")
                .isEqualTo("25800.00");
        assertThat(e.at("/bill/psn_part_amt").asText()).isEqualTo("8035.00");
        assertThat(e.get("payout_total").asText())
                .as("the private plan pays 900.00 less")
                .isEqualTo("6652.33");
        assertThat(e.get("residual_self_pay").asText()).isEqualTo("1382.67");
        assertThat(e.get("residual_self_pay").asText())
                .as("the list and the explanation agree")
                .isEqualTo(mine.get("residual_self_pay").asText());
        Money reasons = Money.ZERO;
        for (JsonNode w : e.get("residual_reasons")) {
            reasons = reasons.plus(Money.parse(w.get("amount").asText()));
        }
        assertThat(reasons).as("the reasons add up to the residual").isEqualTo(Money.parse("1382.67"));
    }

    @Test
    void a_quick_claim_after_a_partial_refund_pays_on_the_settlement_as_it_stands() {
        // the private plan is authorized for quick claims only: 沪惠保 settles at the counter, the private plan later
        String token = Patients.token("310101198001010011");
        for (JsonNode c : Json.parse(
                        patient(token, "GET", "/v1/me/consents", null).body())
                .get("consents")) {
            if (c.get("insurer_id").asText().equals("INS-PMI")) {
                patient(token, "DELETE", "/v1/me/consents/" + c.get("id").asText(), null);
            }
        }
        HttpResponse<String> granted = patient(
                token,
                "POST",
                "/v1/me/consents",
                "{\"insurer_id\":\"INS-PMI\",\"purposes\":[\"QUICK_CLAIM\"],\"covers_from\":\"2026-01-01\","
                        + "\"expires_at\":\"2030-01-01T00:00:00+08:00\"}");
        assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);
        confirm("S-RF-Q");
        assertThat(Sql.count(gw.gateway().database(), "SELECT count(*) FROM claims WHERE setl_id = 'S-RF-Q'"))
                .as("only 沪惠保 claimed at the counter")
                .isEqualTo(1);
        assertThat(refund("S-RF-Q", Settlements.refundOneBoxOfLine4("RF-1", "4R"))
                        .statusCode())
                .isEqualTo(201);

        HttpResponse<String> quick = gw.signed(
                "demo-insurer-pmi",
                "POST",
                "/v1/quick-claims",
                "{\"setl_id\":\"S-RF-Q\",\"policy_no\":\"PMI-778899\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(quick.statusCode()).as(quick.body()).isEqualTo(201);
        assertThat(Json.parse(quick.body()).get("payout").asText())
                .as("90 % of the burden after its deductible, without the refunded box (4,344.07 with it)")
                .isEqualTo("3444.07");
        assertThat(accumulatorsOffTheirDeltas()).isZero();
    }

    private static HttpResponse<String> patient(String token, String method, String path, String body) {
        return gw.send(gw.request(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8))
                .header("Authorization", "Bearer " + token)
                .build());
    }
}
