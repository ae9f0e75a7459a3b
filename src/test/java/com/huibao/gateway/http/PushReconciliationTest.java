package com.huibao.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.crypto.Sm3;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.support.Settlements;
import com.huibao.gateway.support.TestGateway;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reconciliation as hospitals do it, over signed HTTP: three direct settlements of 2026-03-15 (each 7,552.33 owed by
 * the insurers), one reversed, one partly paid by INS-HMB; the hospital pushes totals, then its list, then fetches
 * the detail file.
 */
class PushReconciliationTest {
    private static TestGateway gw;
    /** What each settlement's confirmation said: the insurers' total for the hospital, and INS-HMB's share. */
    private static final Map<String, Money> OWED = new HashMap<>();

    private static final Map<String, Money> HMB_SHARE = new HashMap<>();

    @BeforeAll
    static void start() {
        gw = TestGateway.start(Map.of());
        for (String id : new String[] {"S-REC-1", "S-REC-2", "S-REC-3"}) {
            HttpResponse<String> r =
                    gw.signed("demo-hospital", "PUT", "/v1/direct-settlements/" + id, Settlements.inpatient(id));
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode c = Json.parse(r.body());
            OWED.put(id, Money.parse(c.get("insurer_pays_hospital").asText()));
            for (JsonNode p : c.get("policies")) {
                if (p.get("policy_no").asText().equals("HMB26-000001")) {
                    HMB_SHARE.put(id, Money.parse(p.get("pays_hospital").asText()));
                }
            }
        }
        assertThat(gw.signed("demo-hospital", "POST", "/v1/direct-settlements/S-REC-3/reversal", null)
                        .statusCode())
                .isEqualTo(200);
        String hmb = null;
        for (JsonNode p : Json.parse(gw.signed("demo-hospital", "GET", "/v1/direct-settlements/S-REC-1", null)
                        .body())
                .findParents("claim_id")) {
            if (p.path("policy_no").asText().equals("HMB26-000001")) {
                hmb = p.get("claim_id").asText();
            }
        }
        assertThat(hmb).isNotNull();
        HttpResponse<String> paid = gw.signed(
                "demo-insurer-hmb",
                "POST",
                "/v1/payments",
                ("{\"batch_id\":\"REC-TX\",\"payee\":\"H31010100001\",\"amount\":\"1000.00\",\"value_date\":"
                                + "\"2026-03-20\",\"items\":[{\"claim_id\":\"" + hmb + "\",\"amount\":\"1000.00\"}]}")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    private static JsonNode totals(String flag, int count, String insurers) {
        HttpResponse<String> r = gw.signed(
                "demo-hospital",
                "POST",
                "/v1/reconciliation/totals",
                ("{\"stmt_begndate\":\"2026-03-01\",\"stmt_enddate\":\"2026-03-31\",\"refd_setl_flag\":\"" + flag
                                + "\",\"setl_cnt\":" + count + ",\"insurer_pays_hospital\":\"" + insurers + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.parse(r.body());
    }

    @Test
    void the_hospitals_totals_balance_with_or_without_refunds_and_each_insurers_account_adds_up() {
        String standingSum = OWED.get("S-REC-1").plus(OWED.get("S-REC-2")).toString();
        JsonNode standing = totals("0", 2, standingSum);
        assertThat(standing.get("stmt_rslt").asText()).isEqualTo("BALANCED");
        assertThat(standing.get("settlements")).isEmpty();
        JsonNode withRefunds = totals("1", 4, standingSum);
        assertThat(withRefunds.get("stmt_rslt").asText()).isEqualTo("BALANCED");

        JsonNode hmb = null;
        for (JsonNode i : standing.get("insurers")) {
            if (i.get("insurer_id").asText().equals("INS-HMB")) {
                hmb = i;
            }
        }
        assertThat(hmb).isNotNull();
        assertThat(hmb.get("claims").asInt()).isEqualTo(3);
        Money net = HMB_SHARE.get("S-REC-1").plus(HMB_SHARE.get("S-REC-2"));
        assertThat(hmb.get("confirmed").asText())
                .isEqualTo(net.plus(HMB_SHARE.get("S-REC-3")).toString());
        assertThat(hmb.get("reversed").asText())
                .isEqualTo(HMB_SHARE.get("S-REC-3").toString());
        assertThat(hmb.get("net").asText()).isEqualTo(net.toString());
        assertThat(hmb.get("paid").asText()).isEqualTo("1000.00");
        assertThat(hmb.get("outstanding").asText())
                .isEqualTo(net.minus(Money.parse("1000.00")).toString());
        assertThat(hmb.get("receivable").asText()).isEqualTo("0.00");
    }

    @Test
    void totals_that_differ_are_named_and_the_gateways_settlements_listed() {
        JsonNode off = totals(
                "0",
                3,
                OWED.get("S-REC-1")
                        .plus(OWED.get("S-REC-2"))
                        .plus(Money.parse("0.01"))
                        .toString());
        assertThat(off.get("stmt_rslt").asText()).isEqualTo("NOT_BALANCED");
        assertThat(off.get("differences").findValuesAsText("field"))
                .containsExactly("setl_cnt", "insurer_pays_hospital");
        assertThat(off.at("/ours/setl_cnt").asInt()).isEqualTo(2);
        assertThat(off.get("settlements").findValuesAsText("setl_id"))
                .containsExactlyInAnyOrder("S-REC-1", "S-REC-2", "S-REC-3");
    }

    @Test
    void the_list_pushed_settlement_by_settlement_names_what_only_one_side_has_and_what_differs() {
        HttpResponse<String> r = gw.signed(
                "demo-hospital",
                "POST",
                "/v1/reconciliation/details",
                ("{\"stmt_begndate\":\"2026-03-15\",\"stmt_enddate\":\"2026-03-15\",\"details\":["
                                + "{\"setl_id\":\"S-REC-1\",\"state\":\"CONFIRMED\",\"insurer_pays_hospital\":\"7552.33\"},"
                                + "{\"setl_id\":\"S-REC-3\",\"state\":\"CONFIRMED\",\"insurer_pays_hospital\":\"0.01\"},"
                                + "{\"setl_id\":\"S-REC-9\",\"state\":\"CONFIRMED\"}]}")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode d = Json.parse(r.body());
        assertThat(d.get("stmt_rslt").asText()).isEqualTo("NOT_BALANCED");
        assertThat(d.get("only_ours").findValuesAsText("setl_id")).containsExactly("S-REC-2");
        assertThat(d.get("only_theirs").findValuesAsText("setl_id")).containsExactly("S-REC-9");
        assertThat(d.get("differing").findValuesAsText("field")).containsExactly("state", "insurer_pays_hospital");
    }

    @Test
    void the_detail_file_carries_its_digest_and_a_reversed_period_is_refused() {
        HttpResponse<String> csv =
                gw.signed("demo-hospital", "GET", "/v1/reconciliation/period?from=2026-03-01&to=2026-03-31", null);
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.body().split("\r\n"))
                .hasSize(4)
                .startsWith("setl_id,setl_time,state,psn_part_amt,insurer_pays_hospital,patient_cash_due");
        assertThat(csv.body())
                .contains("S-REC-1,2026-03-15T10:20:30,CONFIRMED,9035.00,7552.33,482.67")
                .contains("S-REC-3,2026-03-15T10:20:30,REVERSED,9035.00," + OWED.get("S-REC-3") + ",");
        assertThat(csv.headers().firstValue("Huibao-Statement-SM3"))
                .contains(Sm3.hex(csv.body().getBytes(StandardCharsets.UTF_8)));

        HttpResponse<String> backwards = gw.signed(
                "demo-hospital",
                "POST",
                "/v1/reconciliation/totals",
                ("{\"stmt_begndate\":\"2026-03-31\",\"stmt_enddate\":\"2026-03-01\",\"refd_setl_flag\":\"0\","
                                + "\"setl_cnt\":0,\"insurer_pays_hospital\":\"0.00\"}")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(backwards.statusCode()).isEqualTo(422);
        assertThat(Json.parse(backwards.body()).get("field").asText()).isEqualTo("stmt_enddate");
    }
}
