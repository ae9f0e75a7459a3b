package com.huibao.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.support.Patients;
import com.huibao.gateway.support.Sql;
import com.huibao.gateway.support.TestGateway;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 特药 end to end over signed HTTP on the embedded PostgreSQL: a hospital applies, the insurer approves, a designated
 * pharmacy sells part of the quantity and then the rest, a purchase beyond it is refused, a reversal gives quantity
 * back, the patient sees it all; and 50 concurrent purchases never consume more than approved.
 */
class PreAuthorizationFlowTest {
    private static final String CERTNO = "310101198001010011";
    /** The worked examples' specialty drug: 奥希替尼 on HMB-2026's list requiring pre-approval, indication C34. */
    private static final String DRUG = "XL01XEA147A001010181836";

    private static TestGateway gw;

    @BeforeAll
    static void start() {
        gw = TestGateway.start(java.util.Map.of());
        String token = Patients.token(CERTNO);
        HttpResponse<String> consent = me(
                token,
                "POST",
                "/v1/me/consents",
                "{\"insurer_id\":\"INS-HMB\",\"purposes\":"
                        + "[\"PRE_AUTHORIZATION\"],\"covers_from\":\"2025-07-01\",\"expires_at\":\"2030-01-01T00:00:00Z\"}");
        assertThat(consent.statusCode()).as(consent.body()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    private static HttpResponse<String> me(String token, String method, String path, String body) {
        return gw.send(gw.request(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8))
                .header("Authorization", "Bearer " + token)
                .build());
    }

    private static HttpResponse<String> as(String client, String method, String path, String body) {
        return gw.signed(client, method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode apply(String quantity) {
        HttpResponse<String> r = as(
                "demo-hospital",
                "POST",
                "/v1/pre-authorizations",
                "{\"policy_no\":\"HMB26-000001\","
                        + "\"psn_cert_type\":\"01\",\"certno\":\"" + CERTNO + "\",\"drug\":{\"code\":\"" + DRUG + "\"},"
                        + "\"quantity\":" + quantity
                        + ",\"days_supply\":30,\"diagnosis\":\"C34.1\",\"prescriber\":\"王医生\","
                        + "\"documents\":[\"" + "ab".repeat(32) + "\"]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return Json.parse(r.body());
    }

    private static JsonNode approve(String id, String quantity) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        HttpResponse<String> r = as(
                "demo-insurer-hmb",
                "POST",
                "/v1/pre-authorizations/" + id + "/decision",
                "{\"decision\":\"APPROVE\",\"quantity\":" + quantity + ",\"valid_from\":\"" + today
                        + "\",\"valid_to\":\"" + today.plusDays(29) + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.parse(r.body());
    }

    /** A designated pharmacy's sale of {@code boxes} at 15,000 each, all self-paid (the drug is outside the catalogue). */
    static String purchase(String setlId, String approvalNo, int boxes) {
        String total = (15000 * boxes) + ".00";
        String now = LocalDateTime.now(ZoneId.of("Asia/Shanghai"))
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        return "{\"setlinfo\":{\"setl_id\":\"" + setlId + "\",\"mdtrt_id\":\"M-" + setlId + "\",\"psn_no\":\"P-1\","
                + "\"psn_cert_type\":\"01\",\"certno\":\"" + CERTNO + "\",\"psn_name\":\"张三\",\"insutype\":\"310\","
                + "\"med_type\":\"41\",\"setl_time\":\"" + now + "\",\"fixmedins_code\":\"DEMO-PHARMACY-01\","
                + "\"medfee_sumamt\":\"" + total + "\",\"fulamt_ownpay_amt\":\"" + total
                + "\",\"overlmt_selfpay\":\"0.00\","
                + "\"preselfpay_amt\":\"0.00\",\"inscp_scp_amt\":\"0.00\",\"act_pay_dedc\":\"0.00\",\"hifp_pay\":\"0.00\","
                + "\"hifmi_pay\":\"0.00\",\"hifob_pay\":\"0.00\",\"maf_pay\":\"0.00\",\"cvlserv_pay\":\"0.00\","
                + "\"oth_pay\":\"0.00\",\"fund_pay_sumamt\":\"0.00\",\"psn_part_amt\":\"" + total
                + "\",\"acct_pay\":\"0.00\","
                + "\"psn_cash_pay\":\"" + total + "\",\"hosp_part_amt\":\"0.00\"},"
                + "\"diseinfo\":[{\"diag_code\":\"C34.100\",\"maindiag_flag\":\"1\"}],"
                + "\"feedetail\":[{\"feedetl_sn\":\"1\",\"med_list_codg\":\"" + DRUG
                + "\",\"medins_list_name\":\"奥希替尼片\","
                + "\"med_chrgitm_type\":\"09\",\"chrgitm_lv\":\"03\",\"cnt\":" + boxes + ",\"pric\":\"15000.00\","
                + "\"det_item_fee_sumamt\":\"" + total + "\",\"fulamt_ownpay_amt\":\"" + total
                + "\",\"overlmt_amt\":\"0.00\","
                + "\"preselfpay_amt\":\"0.00\",\"inscp_scp_amt\":\"0.00\",\"selfpay_prop\":\"1\",\"preapproval_no\":\""
                + approvalNo + "\"}]}";
    }

    private static HttpResponse<String> sell(String setlId, String approvalNo, int boxes) {
        return as("demo-pharmacy", "PUT", "/v1/direct-settlements/" + setlId, purchase(setlId, approvalNo, boxes));
    }

    private static JsonNode read(String id) {
        HttpResponse<String> r = as("demo-insurer-hmb", "GET", "/v1/pre-authorizations/" + id, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.parse(r.body());
    }

    @Test
    void a_hospital_applies_the_insurer_approves_a_pharmacy_sells_and_a_reversal_gives_quantity_back() {
        JsonNode applied = apply("3");
        String id = applied.get("id").asText();
        assertThat(applied.get("state").asText()).isEqualTo("REQUESTED");
        assertThat(Json.parse(as("demo-insurer-hmb", "GET", "/v1/pre-authorizations?state=REQUESTED", null)
                                .body())
                        .get("pre_authorizations")
                        .findValuesAsText("id"))
                .contains(id);
        assertThat(as("demo-insurer-pmi", "GET", "/v1/pre-authorizations/" + id, null)
                        .statusCode())
                .as("another insurer")
                .isEqualTo(404);

        JsonNode approved = approve(id, "3");
        String no = approved.get("approval_no").asText();
        assertThat(approved.get("state").asText()).isEqualTo("APPROVED");
        assertThat(no).startsWith("HBPA-");

        HttpResponse<String> first = sell("PH-1", no, 1);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(Json.parse(first.body()).get("payout_total").asText())
                .as("70 % of the self-paid drug")
                .isEqualTo("10500.00");
        assertThat(read(id).get("quantity_used").asText()).isEqualTo("1");
        HttpResponse<String> second = sell("PH-2", no, 2);
        assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
        assertThat(read(id).get("quantity_remaining").asText()).isEqualTo("0");

        HttpResponse<String> third = sell("PH-3", no, 1);
        assertThat(third.statusCode()).isEqualTo(409);
        assertThat(Json.parse(third.body()).get("code").asText()).isEqualTo("PREAUTH_QUANTITY_EXCEEDED");
        assertThat(as("demo-pharmacy", "GET", "/v1/direct-settlements/PH-3", null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(read(id).get("quantity_used").asText())
                .as("nothing consumed")
                .isEqualTo("3");

        HttpResponse<String> reversed = as("demo-pharmacy", "POST", "/v1/direct-settlements/PH-1/reversal", null);
        assertThat(reversed.statusCode()).as(reversed.body()).isEqualTo(200);
        assertThat(read(id).get("quantity_used").asText()).isEqualTo("2");
        assertThat(sell("PH-4", no, 1).statusCode()).isEqualTo(200);

        JsonNode mine = Json.parse(me(Patients.token(CERTNO), "GET", "/v1/me/pre-authorizations", null)
                .body());
        JsonNode shown = mine.get("pre_authorizations").findParents("id").stream()
                .filter(p -> p.get("id").asText().equals(id))
                .findFirst()
                .orElseThrow();
        assertThat(shown.get("state").asText()).isEqualTo("APPROVED");
        assertThat(shown.get("quantity_used").asText()).isEqualTo("3");
        assertThat(Sql.outboxPayloads(gw.gateway().database(), "type LIKE 'preauth.%'").stream()
                        .filter(p -> p.contains(id)))
                .as("requested and approved")
                .hasSize(2);
    }

    /** The pharmacy's partial refund (退费) of one box of line 1 of {@link #purchase}. */
    private static String refundOneBox(String refundId, String sn) {
        return "{\"refund_id\":\"" + refundId + "\",\"setlinfo\":{\"medfee_sumamt\":\"-15000.00\","
                + "\"fulamt_ownpay_amt\":\"-15000.00\",\"psn_part_amt\":\"-15000.00\",\"psn_cash_pay\":\"-15000.00\"},"
                + "\"feedetail\":[{\"feedetl_sn\":\"" + sn + "\",\"init_feedetl_sn\":\"1\",\"med_list_codg\":\"" + DRUG
                + "\",\"med_chrgitm_type\":\"09\",\"chrgitm_lv\":\"03\",\"cnt\":-1,\"pric\":\"15000.00\","
                + "\"det_item_fee_sumamt\":\"-15000.00\",\"fulamt_ownpay_amt\":\"-15000.00\",\"overlmt_amt\":\"0.00\","
                + "\"preselfpay_amt\":\"0.00\",\"inscp_scp_amt\":\"0.00\",\"selfpay_prop\":\"1\"}]}";
    }

    @Test
    void a_box_returned_by_a_partial_refund_goes_back_to_its_approval_and_a_reversal_gives_back_only_the_rest() {
        String id = apply("3").get("id").asText();
        String no = approve(id, "3").get("approval_no").asText();
        assertThat(sell("PH-R1", no, 2).statusCode()).isEqualTo(200);
        assertThat(read(id).get("quantity_used").asText()).isEqualTo("2");

        HttpResponse<String> refunded =
                as("demo-pharmacy", "POST", "/v1/direct-settlements/PH-R1/refunds", refundOneBox("RF-1", "1R"));
        assertThat(refunded.statusCode()).as(refunded.body()).isEqualTo(201);
        assertThat(read(id).get("quantity_used").asText())
                .as("the returned box is approved again")
                .isEqualTo("1");
        assertThat(as("demo-pharmacy", "POST", "/v1/direct-settlements/PH-R1/refunds", refundOneBox("RF-1", "1R"))
                        .statusCode())
                .as("the same refund again changes nothing")
                .isEqualTo(200);
        assertThat(read(id).get("quantity_used").asText()).isEqualTo("1");
        assertThat(Sql.string(
                        gw.gateway().database(),
                        "SELECT quantity::int || ' ' || reversed FROM pre_authorization_uses WHERE setl_id = 'PH-R1'"))
                .isEqualTo("1 false");

        HttpResponse<String> reversed = as("demo-pharmacy", "POST", "/v1/direct-settlements/PH-R1/reversal", null);
        assertThat(reversed.statusCode()).as(reversed.body()).isEqualTo(200);
        assertThat(read(id).get("quantity_used").asText())
                .as("only the box still bought")
                .isEqualTo("0");
        assertThat(sell("PH-R2", no, 3).statusCode())
                .as("the whole approval serves again")
                .isEqualTo(200);
    }

    @Test
    void a_purchase_of_another_drug_or_for_another_person_consumes_nothing() {
        String no =
                approve(apply("2").get("id").asText(), "2").get("approval_no").asText();

        HttpResponse<String> otherDrug = as(
                "demo-pharmacy",
                "PUT",
                "/v1/direct-settlements/PH-X1",
                purchase("PH-X1", no, 1).replace(DRUG, "XOTHER000000000000000000"));
        assertThat(otherDrug.statusCode()).isEqualTo(422);
        assertThat(Json.parse(otherDrug.body()).get("field").asText()).isEqualTo("feedetail[0].preapproval_no");
        assertThat(Json.parse(otherDrug.body()).at("/errors/0/code").asText()).isEqualTo("PREAUTH_OTHER_DRUG");
        HttpResponse<String> unknown = sell("PH-X2", "HBPA-0000000000000000", 1);
        assertThat(Json.parse(unknown.body()).at("/errors/0/code").asText()).isEqualTo("PREAUTH_UNKNOWN");
        HttpResponse<String> preview = as(
                "demo-pharmacy",
                "POST",
                "/v1/direct-settlements/preview",
                purchase("PH-X3", "HBPA-0000000000000000", 1));
        assertThat(preview.statusCode())
                .as("a preview says what a confirm would")
                .isEqualTo(422);
    }

    @Test
    void fifty_concurrent_purchases_never_consume_more_than_the_approved_quantity() throws Exception {
        String id = apply("5").get("id").asText();
        String no = approve(id, "5").get("approval_no").asText();
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Future<HttpResponse<String>>> sales = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String setlId = "PH-C" + i;
            sales.add(pool.submit(() -> sell(setlId, no, 1)));
        }
        int sold = 0;
        int refused = 0;
        for (Future<HttpResponse<String>> f : sales) {
            HttpResponse<String> r = f.get();
            if (r.statusCode() == 200) {
                sold++;
            } else {
                assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
                assertThat(Json.parse(r.body()).get("code").asText()).isEqualTo("PREAUTH_QUANTITY_EXCEEDED");
                refused++;
            }
        }
        pool.shutdown();
        assertThat(sold).isEqualTo(5);
        assertThat(refused).isEqualTo(45);
        assertThat(read(id).get("quantity_used").asText()).isEqualTo("5");
        assertThat(Sql.count(
                        gw.gateway().database(),
                        "SELECT count(*) FROM pre_authorization_uses u JOIN "
                                + "pre_authorizations p ON p.id = u.pre_authorization_id WHERE p.approval_no = '" + no
                                + "'"))
                .isEqualTo(5);
    }

    @Test
    void a_pharmacy_sells_on_a_receipt_document_when_no_basic_insurance_settled_the_drug() {
        String id = apply("2").get("id").asText();
        String no = approve(id, "2").get("approval_no").asText();
        String now = LocalDateTime.now(ZoneId.of("Asia/Shanghai"))
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        String receipt = "{\"receipt\":{\"receipt_no\":\"RC-1\",\"psn_cert_type\":\"01\",\"certno\":\"" + CERTNO
                + "\",\"psn_name\":\"张三\",\"time\":\"" + now + "\",\"diagnosis\":\"C34.1\",\"items\":[{\"code\":\""
                + DRUG + "\",\"generic_name\":\"奥希替尼\",\"name\":\"甲磺酸奥希替尼片 80mg\",\"quantity\":1,"
                + "\"price\":\"15000.00\",\"amount\":\"15000.00\",\"preapproval_no\":\"" + no + "\"}]}}";
        HttpResponse<String> sold = as("demo-pharmacy", "PUT", "/v1/direct-settlements/RC-1", receipt);
        assertThat(sold.statusCode()).as(sold.body()).isEqualTo(200);
        JsonNode r = Json.parse(sold.body());
        assertThat(r.get("payout_total").asText()).as("70 % of 15,000").isEqualTo("10500.00");
        assertThat(r.get("patient_cash_due").asText()).isEqualTo("4500.00");
        assertThat(read(id).get("quantity_remaining").asText()).isEqualTo("1");
        assertThat(
                        Sql.count(
                                gw.gateway().database(),
                                "SELECT count(*) FROM settlements WHERE setl_id = 'RC-1' AND fixmedins_code = 'DEMO-PHARMACY-01'"))
                .as("the seller is the calling pharmacy")
                .isEqualTo(1);
    }

    @Test
    void a_withdrawn_approval_or_one_not_yet_valid_serves_no_purchase_and_a_denial_gives_no_number() {
        String denied = apply("1").get("id").asText();
        HttpResponse<String> deny = as(
                "demo-insurer-hmb",
                "POST",
                "/v1/pre-authorizations/" + denied + "/decision",
                "{\"decision\":\"DENY\",\"reason\":\"适应症不符\"}");
        assertThat(deny.statusCode()).as(deny.body()).isEqualTo(200);
        assertThat(Json.parse(deny.body()).get("state").asText()).isEqualTo("DENIED");
        assertThat(Json.parse(deny.body()).get("approval_no").isNull()).isTrue();
        assertThat(Json.parse(deny.body()).get("reason").asText()).isEqualTo("适应症不符");

        String withdrawn = apply("1").get("id").asText();
        String withdrawnNo = approve(withdrawn, "1").get("approval_no").asText();
        HttpResponse<String> back =
                as("demo-hospital", "POST", "/v1/pre-authorizations/" + withdrawn + "/withdrawal", null);
        assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
        HttpResponse<String> onWithdrawn = sell("PH-D1", withdrawnNo, 1);
        assertThat(onWithdrawn.statusCode()).as(onWithdrawn.body()).isEqualTo(409);
        assertThat(Json.parse(onWithdrawn.body()).get("code").asText()).isEqualTo("PREAUTH_NOT_APPROVED");

        String later = apply("1").get("id").asText();
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1);
        HttpResponse<String> approved = as(
                "demo-insurer-hmb",
                "POST",
                "/v1/pre-authorizations/" + later + "/decision",
                "{\"decision\":\"APPROVE\",\"quantity\":1,\"valid_from\":\"" + tomorrow + "\",\"valid_to\":\""
                        + tomorrow.plusDays(29) + "\"}");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        HttpResponse<String> early =
                sell("PH-D2", Json.parse(approved.body()).get("approval_no").asText(), 1);
        assertThat(early.statusCode()).as(early.body()).isEqualTo(409);
        assertThat(Json.parse(early.body()).get("code").asText()).isEqualTo("PREAUTH_EXPIRED");
        assertThat(read(later).get("quantity_used").asText()).isEqualTo("0");
    }
}
