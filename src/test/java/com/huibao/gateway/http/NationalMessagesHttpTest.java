package com.huibao.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.crypto.RequestSigner;
import com.huibao.gateway.support.Examples;
import com.huibao.gateway.support.Patients;
import com.huibao.gateway.support.Sql;
import com.huibao.gateway.support.TestGateway;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The national bundles of {@code shared/examples/national}, posted unchanged over real signed HTTP by the hospitals
 * they name: each previews and confirms with Σ burden = {@code psn_part_amt} and every payout within its line's
 * burden; a reversal in the 2208/2305 shape reverses exactly; pre-settlements are never confirmed; message parts
 * and dialect references alone are 422s naming what fails; another hospital's bundle is 403.
 */
class NationalMessagesHttpTest {
    static final List<String> ACCEPT = List.of(
            "bundle-2304-hospital-part.json",
            "bundle-2207-refund-lines.json",
            "bundle-commercial-fund-in-setldetail.json",
            "bundle-hainan-regional.json");
    private static TestGateway gw;
    private static final Map<String, RequestSigner> HOSPITALS = new HashMap<>();

    @BeforeAll
    static void start() {
        Path clients = Path.of("target/clients-" + UUID.randomUUID());
        for (String file : ACCEPT) {
            String code = bundle(file).get("fixmedins_code").asText();
            HOSPITALS.put(code, TestGateway.registerClient(clients, "his-" + code, "HOSPITAL", code));
        }
        gw = TestGateway.start(Map.of("GATEWAY_CLIENTS_DIR", clients.toString()));
        // an insurer's plan for everyone in the bundles: 80 % of out-of-list after 100.00, 50 % of in-list
        String plan = "{\"plan_id\":\"NAT-TEST\",\"insurer_id\":\"INS-PMI\",\"name\":\"national test plan\","
                + "\"cob_priority\":10,\"deductible_pools\":[{\"id\":\"D\",\"amount\":\"100.00\"}],"
                + "\"responsibilities\":[{\"id\":\"OUT\",\"match\":{\"all\":true},\"part\":\"out_of_list\","
                + "\"deductible_pool\":\"D\",\"ratio\":\"0.80\",\"annual_cap\":\"100000.00\"},{\"id\":\"IN\","
                + "\"match\":{\"all\":true},\"part\":\"in_list\",\"ratio\":\"0.50\"}]}";
        assertThat(insurer("PUT", "/v1/plans/NAT-TEST", plan).statusCode()).isIn(200, 201);
        StringBuilder policies = new StringBuilder("[");
        for (String file : ACCEPT) {
            String certno = certno(bundle(file));
            policies.append(policies.length() > 1 ? "," : "")
                    .append("{\"policy_no\":\"NAT-")
                    .append(certno.substring(14))
                    .append("\",\"plan_id\":\"NAT-TEST\",\"insurer_id\":\"INS-PMI\",\"psn_cert_type\":\"01\","
                            + "\"certno\":\"")
                    .append(certno)
                    .append("\",\"effective_from\":\"2026-01-01\"," + "\"effective_to\":\"2027-01-01\"}");
        }
        HttpResponse<String> enrolled =
                insurer("POST", "/v1/policies", policies.append("]").toString());
        assertThat(enrolled.statusCode()).as(enrolled.body()).isIn(200, 201);
        for (String file : ACCEPT) {
            HttpResponse<String> consent = patient(
                    certno(bundle(file)),
                    "{\"insurer_id\":\"INS-PMI\",\"purposes\":"
                            + "[\"DIRECT_SETTLEMENT\",\"QUICK_CLAIM\"],\"covers_from\":\"2026-01-01\","
                            + "\"expires_at\":\"2027-12-31T00:00:00+08:00\"}");
            assertThat(consent.statusCode()).as(consent.body()).isIn(200, 201);
        }
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    private static JsonNode bundle(String file) {
        return Examples.json("national/" + file);
    }

    private static String certno(JsonNode bundle) {
        JsonNode h = bundle.get("setlinfo");
        return h.has("certno") ? h.get("certno").asText() : h.get("cert_no").asText();
    }

    private static HttpResponse<String> insurer(String method, String path, String body) {
        return gw.signed("demo-insurer-pmi", method, path, body.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> patient(String certno, String body) {
        return gw.send(gw.request("POST", "/v1/me/consents", body.getBytes(StandardCharsets.UTF_8))
                .header("Authorization", "Bearer " + Patients.token(certno))
                .build());
    }

    private static HttpResponse<String> as(String hospital, String method, String path, byte[] body) {
        return gw.signedBy(HOSPITALS.get(hospital), method, path, body);
    }

    /** Σ burden = psn_part_amt; each policy's paid ≤ the line's burden; Σ payouts ≤ psn_part_amt. */
    private static void assertExact(JsonNode result, JsonNode bundle) {
        BigDecimal psn = bundle.get("setlinfo").get("psn_part_amt").decimalValue();
        BigDecimal burden = BigDecimal.ZERO;
        Map<String, BigDecimal> byLine = new HashMap<>();
        for (JsonNode l : result.get("lines")) {
            burden = burden.add(new BigDecimal(l.get("burden").asText()));
            byLine.put(
                    l.get("feedetl_sn").asText(), new BigDecimal(l.get("burden").asText()));
        }
        assertThat(burden).isEqualByComparingTo(psn);
        BigDecimal payouts = BigDecimal.ZERO;
        Map<String, BigDecimal> paid = new HashMap<>();
        for (JsonNode p : result.get("policies")) {
            payouts = payouts.add(new BigDecimal(p.get("payout").asText()));
            for (JsonNode o : p.get("line_outcomes")) {
                paid.merge(
                        o.get("feedetl_sn").asText(),
                        new BigDecimal(o.get("paid").asText()),
                        BigDecimal::add);
            }
        }
        paid.forEach((sn, amount) -> assertThat(amount).as(sn).isLessThanOrEqualTo(byLine.get(sn)));
        assertThat(payouts).isLessThanOrEqualTo(psn).isPositive();
        assertThat(new BigDecimal(result.get("residual_self_pay").asText()))
                .isEqualByComparingTo(psn.subtract(payouts));
    }

    @Test
    void every_accept_bundle_previews_and_confirms_unchanged() {
        for (String file : ACCEPT) {
            JsonNode b = bundle(file);
            String hospital = b.get("fixmedins_code").asText();
            String setlId = b.get("setlinfo").get("setl_id").asText();
            byte[] body = Examples.bytes("national/" + file);
            HttpResponse<String> preview = as(hospital, "POST", "/v1/direct-settlements/preview", body);
            assertThat(preview.statusCode()).as(file + ": " + preview.body()).isEqualTo(200);
            assertExact(Json.parse(preview.body()), b);

            HttpResponse<String> confirm = as(hospital, "PUT", "/v1/direct-settlements/" + setlId, body);
            assertThat(confirm.statusCode()).as(file + ": " + confirm.body()).isEqualTo(200);
            JsonNode confirmed = Json.parse(confirm.body());
            assertExact(confirmed, b);
            assertThat(confirmed.get("state").asText()).isEqualTo("CONFIRMED");
            assertThat(as(hospital, "PUT", "/v1/direct-settlements/" + setlId, body)
                            .body())
                    .isEqualTo(confirm.body());

            String claimId = confirmed.at("/policies/0/claim_id").asText();
            JsonNode claim =
                    Json.parse(insurer("GET", "/v1/claims/" + claimId, "").body());
            assertThat(claim.at("/settlement/infno").asText())
                    .isEqualTo(b.get("infno").asText());
            assertThat(claim.at("/settlement/msgid").asText())
                    .isEqualTo(b.get("msgid").asText());
            assertThat(claim.at("/settlement/medins_setl_id").asText())
                    .isEqualTo(b.get("setlinfo").get("medins_setl_id").asText());
        }
    }

    @Test
    void a_reversal_in_the_2305_shape_reverses_a_confirmed_bundle_exactly() {
        ObjectNode b = (ObjectNode) bundle("bundle-2304-hospital-part.json");
        String hospital = b.get("fixmedins_code").asText();
        String setlId = "300123359999";
        ((ObjectNode) b.get("setlinfo")).put("setl_id", setlId);
        String policy = "NAT-" + certno(b).substring(14);
        String before = accumulators(policy);
        HttpResponse<String> confirm = as(hospital, "PUT", "/v1/direct-settlements/" + setlId, Json.bytes(b));
        assertThat(confirm.statusCode()).as(confirm.body()).isEqualTo(200);
        assertThat(accumulators(policy)).isNotEqualTo(before);

        // the platform's 2305 answer for it: every amount negated, psn and hosp null, the hospital part as ownpay
        ObjectNode reversal = Json.object();
        reversal.put("infcode", 0).put("inf_refmsgid", "500105202603141015083001");
        ObjectNode h = reversal.putObject("output").putObject("setlinfo");
        h.put("setl_id", setlId)
                .put("mdtrt_id", b.get("setlinfo").get("mdtrt_id").asText())
                .put("medfee_sumamt", -22464.2)
                .put("fund_pay_sumamt", -13339.79)
                .putNull("psn_part_amt")
                .putNull("hosp_part_amt")
                .put("ownpay_hosp_part", -612.5)
                .put("psn_pay", -8511.91)
                .put("setl_time", "2026-03-13 10:15:22");
        ((ObjectNode) reversal.get("output"))
                .putArray("setldetail")
                .addObject()
                .put("fund_pay_type", "330100")
                .put("fund_payamt", -1088.96);

        ObjectNode wrong = reversal.deepCopy();
        ((ObjectNode) wrong.at("/output/setlinfo")).put("setl_id", "300123351598");
        HttpResponse<String> mismatch =
                as(hospital, "POST", "/v1/direct-settlements/" + setlId + "/reversal", Json.bytes(wrong));
        assertThat(mismatch.statusCode()).isEqualTo(422);
        assertThat(mismatch.body()).contains("SETL_ID_MISMATCH");

        HttpResponse<String> reversed =
                as(hospital, "POST", "/v1/direct-settlements/" + setlId + "/reversal", Json.bytes(reversal));
        assertThat(reversed.statusCode()).as(reversed.body()).isEqualTo(200);
        assertThat(Json.parse(reversed.body()).get("state").asText()).isEqualTo("REVERSED");
        assertThat(accumulators(policy)).isEqualTo(before);
    }

    private static String accumulators(String policy) {
        return Sql.string(
                gw.gateway().database(),
                "SELECT coalesce(string_agg(kind || ':' || key || '=' || "
                        + "(amount * 100)::bigint, ',' ORDER BY kind, key) FILTER (WHERE amount <> 0), '') FROM accumulators "
                        + "WHERE policy_no = '" + policy + "'");
    }

    @Test
    void a_pre_settlement_previews_but_is_never_confirmed() {
        ObjectNode b = (ObjectNode) bundle("bundle-2304-hospital-part.json");
        b.put("infno", "2303");
        String hospital = b.get("fixmedins_code").asText();
        assertThat(as(hospital, "POST", "/v1/direct-settlements/preview", Json.bytes(b))
                        .statusCode())
                .isEqualTo(200);
        HttpResponse<String> confirm = as(hospital, "PUT", "/v1/direct-settlements/300123351598", Json.bytes(b));
        assertThat(confirm.statusCode()).isEqualTo(422);
        assertThat(Json.parse(confirm.body()).at("/errors/0/code").asText()).isEqualTo("PRE_SETTLEMENT");
        assertThat(Sql.count(
                        gw.gateway().database(),
                        "SELECT count(*) FROM settlements WHERE setl_id = '300123351598'"
                                + " AND message_kind = 'PRE_SETTLEMENT'"))
                .isZero();
    }

    @Test
    void message_parts_and_dialect_references_alone_are_422_naming_what_fails_and_change_nothing() {
        long claims = Sql.count(gw.gateway().database(), "SELECT count(*) FROM claims");
        for (String file : List.of(
                "5261-hainan-settlement-query-output.json",
                "5262-hainan-settlement-query-output.json",
                "2207-hebei-outpatient-settlement-output.json",
                "2304-chongqing-inpatient-settlement-output.json",
                "2206-hebei-outpatient-presettlement-output.json",
                "2208-hebei-outpatient-settlement-reversal-output.json",
                "2301-chongqing-inpatient-fee-upload-output.json")) {
            HttpResponse<String> r =
                    as("H46010645842", "POST", "/v1/direct-settlements/preview", Examples.bytes("national/" + file));
            assertThat(r.statusCode()).as(file + ": " + r.body()).isEqualTo(422);
            assertThat(Json.parse(r.body()).get("errors")).isNotEmpty();
        }
        HttpResponse<String> hainan = as(
                "H46010645842",
                "POST",
                "/v1/direct-settlements/preview",
                Examples.bytes("national/5261-hainan-settlement-query-output.json"));
        assertThat(hainan.body()).contains("MEDFEE_SPLIT_MISMATCH");
        assertThat(Sql.count(gw.gateway().database(), "SELECT count(*) FROM claims"))
                .isEqualTo(claims);
    }

    @Test
    void a_fee_line_that_says_a_field_twice_is_400_naming_it_and_changes_nothing() {
        long claims = Sql.count(gw.gateway().database(), "SELECT count(*) FROM claims");
        for (String file : ACCEPT) {
            String text = new String(Examples.bytes("national/" + file), StandardCharsets.UTF_8);
            int line = text.indexOf('{', text.indexOf("\"feedetail\""));
            String first = text.substring(line + 1, text.indexOf(',', line));
            assertThat(first).as(file).contains(":").doesNotContain("{", "[");
            String name = first.substring(first.indexOf('"') + 1, first.indexOf('"', first.indexOf('"') + 1));
            byte[] body = (text.substring(0, line + 1) + first + "," + text.substring(line + 1))
                    .getBytes(StandardCharsets.UTF_8);
            String hospital = bundle(file).get("fixmedins_code").asText();
            HttpResponse<String> r = as(hospital, "POST", "/v1/direct-settlements/preview", body);
            assertThat(r.statusCode()).as(file + ": " + r.body()).isEqualTo(400);
            assertThat(r.body()).as(file).contains("INVALID_JSON", "Duplicate field '" + name + "'");
            String setlId = bundle(file).get("setlinfo").get("setl_id").asText();
            HttpResponse<String> confirm = as(hospital, "PUT", "/v1/direct-settlements/" + setlId + "-DUP", body);
            assertThat(confirm.statusCode()).as(file + ": " + confirm.body()).isEqualTo(400);
            assertThat(confirm.body()).as(file).contains("Duplicate field '" + name + "'");
        }
        assertThat(Sql.count(gw.gateway().database(), "SELECT count(*) FROM claims"))
                .isEqualTo(claims);
    }

    @Test
    void another_hospitals_bundle_is_forbidden() {
        HttpResponse<String> r = as(
                "H46010645842",
                "POST",
                "/v1/direct-settlements/preview",
                Examples.bytes("national/bundle-2304-hospital-part.json"));
        assertThat(r.statusCode()).isEqualTo(403);
    }

    @Test
    void the_data_feed_takes_a_bundle_and_a_quick_claim_reads_it_back() {
        ObjectNode b = (ObjectNode) bundle("bundle-commercial-fund-in-setldetail.json");
        ((ObjectNode) b.get("setlinfo")).put("setl_id", "300922069999");
        HttpResponse<String> in = gw.signed("demo-datafeed", "POST", "/v1/settlements", Json.bytes(b));
        assertThat(in.statusCode()).as(in.body()).isEqualTo(201);
        HttpResponse<String> quick = insurer(
                "POST",
                "/v1/quick-claims",
                "{\"setl_id\":\"300922069999\"," + "\"policy_no\":\"NAT-"
                        + certno(b).substring(14) + "\"}");
        assertThat(quick.statusCode()).as(quick.body()).isEqualTo(201);
        assertThat(new BigDecimal(Json.parse(quick.body()).get("payout").asText()))
                .isPositive();
    }
}
