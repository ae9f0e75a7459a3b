package com.huibao.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.support.Settlements;
import com.huibao.gateway.support.Sql;
import com.huibao.gateway.support.TestGateway;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Insurer payments over signed HTTP on PostgreSQL: batches applied claim by claim, a claim PAID only when covered,
 * replays and conflicts, refusals that change nothing, the hospital's remittances, and a payment racing a reversal.
 */
class PaymentsTest {
    private static TestGateway gw;

    @BeforeAll
    static void start() {
        gw = TestGateway.start(Map.of());
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    /** Confirms the worked inpatient example under {@code setlId}; the claim ids (and hospital shares) by policy. */
    private static Map<String, String> confirm(String setlId) {
        HttpResponse<String> r =
                gw.signed("demo-hospital", "PUT", "/v1/direct-settlements/" + setlId, Settlements.inpatient(setlId));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = Json.parse(r.body());
        Map<String, String> out = new HashMap<>();
        for (JsonNode p : body.get("policies")) {
            String who = p.get("policy_no").asText().equals("HMB26-000001") ? "HMB" : "PMI";
            out.put(who, p.get("claim_id").asText());
            out.put(who + "_SHARE", p.get("pays_hospital").asText());
        }
        return out;
    }

    private static HttpResponse<String> pay(String client, String batchId, String amount, String items) {
        return gw.signed(
                client,
                "POST",
                "/v1/payments",
                ("{\"batch_id\":\"" + batchId + "\",\"payee\":\"H31010100001\",\"amount\":\"" + amount
                                + "\",\"value_date\":\"2026-05-10\",\"items\":[" + items + "]}")
                        .getBytes(StandardCharsets.UTF_8));
    }

    private static String item(String claimId, String amount) {
        return "{\"claim_id\":\"" + claimId + "\",\"amount\":\"" + amount + "\"}";
    }

    private static String state(String claimId) {
        return Sql.string(gw.gateway().database(), "SELECT state FROM claims WHERE claim_id = '" + claimId + "'");
    }

    @Test
    void a_claim_is_paid_only_when_covered_and_nothing_is_dropped() {
        Map<String, String> claims = confirm("S-PAY-1");
        String hmb = claims.get("HMB");
        Money share = Money.parse(claims.get("HMB_SHARE")); // 3,208.26 on a fresh year; less after other tests
        Money rest = share.minus(Money.parse("3000.00"));
        String second100Over = rest.plus(Money.parse("100.00")).toString();
        String batch2 = rest.plus(Money.parse("110.00")).toString();

        HttpResponse<String> first = pay("demo-insurer-hmb", "HMB-TX-1", "3000.00", item(hmb, "3000.00"));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        JsonNode a = Json.parse(first.body());
        assertThat(a.at("/items/0/outcome").asText()).isEqualTo("PARTIAL");
        assertThat(a.at("/items/0/outstanding").asText()).isEqualTo(rest.toString());
        assertThat(state(hmb)).isEqualTo("APPROVED");

        HttpResponse<String> second = pay(
                "demo-insurer-hmb",
                "HMB-TX-2",
                batch2,
                item(hmb, second100Over) + "," + item("CLM-00000000-0000-0000-0000-000000000000", "10.00"));
        assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
        JsonNode b = Json.parse(second.body());
        assertThat(b.at("/items/0/outcome").asText()).isEqualTo("OVERPAID");
        assertThat(b.at("/items/0/applied").asText()).isEqualTo(rest.toString());
        assertThat(b.at("/items/0/unapplied").asText()).isEqualTo("100.00");
        assertThat(b.at("/items/1/outcome").asText()).isEqualTo("UNKNOWN_CLAIM");
        assertThat(b.get("applied").asText()).isEqualTo(rest.toString());
        assertThat(b.get("unapplied").asText()).isEqualTo("110.00");
        assertThat(state(hmb)).isEqualTo("PAID");
        assertThat(Sql.string(
                        gw.gateway().database(),
                        "SELECT remitted::text || '/' || payment_ref FROM claims WHERE claim_id = '" + hmb + "'"))
                .isEqualTo(share + "/HMB-TX-2");

        HttpResponse<String> replay = pay(
                "demo-insurer-hmb",
                "HMB-TX-2",
                batch2,
                item(hmb, second100Over) + "," + item("CLM-00000000-0000-0000-0000-000000000000", "10.00"));
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).isEqualTo(second.body());
        HttpResponse<String> conflict = pay("demo-insurer-hmb", "HMB-TX-2", "1.00", item(hmb, "1.00"));
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(Json.parse(conflict.body()).get("code").asText()).isEqualTo("BATCH_CONFLICT");

        // The hospital sees both batches; a paid claim can no longer be reversed away.
        HttpResponse<String> remitted =
                gw.signed("demo-hospital", "GET", "/v1/remittances?from=2026-05-01&to=2026-05-31", null);
        assertThat(remitted.statusCode()).as(remitted.body()).isEqualTo(200);
        assertThat(Json.parse(remitted.body()).get("remittances").findValuesAsText("batch_id"))
                .contains("HMB-TX-1", "HMB-TX-2");
        assertThat(gw.signed("demo-hospital", "POST", "/v1/direct-settlements/S-PAY-1/reversal", null)
                        .statusCode())
                .isEqualTo(409);

        // the outstanding amounts as metrics, per insurer: what the standing claims still owe the hospital
        String metrics = gw.get("/metrics").body();
        for (String insurer : List.of("INS-HMB", "INS-PMI")) {
            String owes = Sql.string(
                    gw.gateway().database(),
                    "SELECT sum(greatest(pays_hospital - remitted, 0))::text FROM claims WHERE insurer_id = '" + insurer
                            + "' AND state <> 'REVERSED' AND channel = 'DIRECT_SETTLEMENT'");
            assertThat(metrics)
                    .containsPattern("huibao_claims_outstanding_amount\\{insurer=\"" + insurer + "\",?\\} "
                            + Double.parseDouble(owes));
        }
    }

    @Test
    void a_batch_that_pays_what_it_may_not_is_refused_and_changes_nothing() {
        Map<String, String> claims = confirm("S-PAY-2");
        String before = Sql.string(gw.gateway().database(), "SELECT count(*)::text FROM payment_batches");

        HttpResponse<String> foreign = pay(
                "demo-insurer-hmb",
                "HMB-TX-3",
                "4344.07",
                item(claims.get("HMB"), "100.00") + "," + item(claims.get("PMI"), "4244.07"));
        assertThat(foreign.statusCode()).isEqualTo(422);
        assertThat(Json.parse(foreign.body()).get("field").asText()).isEqualTo("items[1].claim_id");
        assertThat(Json.parse(foreign.body()).at("/errors/0/code").asText()).isEqualTo("CLAIM_OF_ANOTHER_INSURER");

        HttpResponse<String> sum = pay("demo-insurer-hmb", "HMB-TX-4", "100.00", item(claims.get("HMB"), "99.99"));
        assertThat(sum.statusCode()).isEqualTo(422);
        assertThat(Json.parse(sum.body()).get("field").asText()).isEqualTo("amount");
        assertThat(Json.parse(sum.body()).at("/errors/0/code").asText()).isEqualTo("BATCH_TOTAL_MISMATCH");

        assertThat(Sql.string(gw.gateway().database(), "SELECT count(*)::text FROM payment_batches"))
                .isEqualTo(before);
        assertThat(Sql.string(
                        gw.gateway().database(),
                        "SELECT remitted::text FROM claims WHERE claim_id = '" + claims.get("HMB") + "'"))
                .isEqualTo("0.00");
        assertThat(gw.signed("demo-hospital", "POST", "/v1/payments", "{}".getBytes(StandardCharsets.UTF_8))
                        .statusCode())
                .as("hospitals do not post payments")
                .isEqualTo(403);
    }

    @Test
    void a_payment_racing_a_reversal_settles_in_one_order_with_nothing_lost() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                String setlId = "S-RACE-" + round;
                String batchId = "RACE-" + round;
                Map<String, String> confirmed = confirm(setlId);
                String hmb = confirmed.get("HMB");
                String share = confirmed.get("HMB_SHARE");
                List<Future<HttpResponse<String>>> both = new ArrayList<>();
                both.add(pool.submit(() -> pay("demo-insurer-hmb", batchId, share, item(hmb, share))));
                both.add(pool.submit(() ->
                        gw.signed("demo-hospital", "POST", "/v1/direct-settlements/" + setlId + "/reversal", null)));
                HttpResponse<String> payment = both.get(0).get();
                HttpResponse<String> reversal = both.get(1).get();
                assertThat(payment.statusCode()).as(payment.body()).isEqualTo(201);
                String outcome =
                        Json.parse(payment.body()).at("/items/0/outcome").asText();
                if (reversal.statusCode() == 200) {
                    assertThat(outcome).as("reversed first").isEqualTo("CLAIM_REVERSED");
                    assertThat(state(hmb)).isEqualTo("REVERSED");
                    assertThat(Sql.string(
                                    gw.gateway().database(),
                                    "SELECT remitted::text FROM claims WHERE claim_id = '" + hmb + "'"))
                            .isEqualTo("0.00");
                } else {
                    assertThat(reversal.statusCode()).as(reversal.body()).isEqualTo(409);
                    assertThat(outcome).as("paid first").isEqualTo("PAID");
                    assertThat(state(hmb)).isEqualTo("PAID");
                }
            }
        } finally {
            pool.shutdown();
        }
    }
}
