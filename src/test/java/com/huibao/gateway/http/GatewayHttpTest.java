package com.huibao.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.support.Examples;
import com.huibao.gateway.support.JsonSubset;
import com.huibao.gateway.support.TestGateway;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The running gateway over real HTTP: operations endpoints, errors as problems, the preview of the demo data. */
class GatewayHttpTest {
    private static final String PREVIEW = "/v1/direct-settlements/preview";
    private final TestGateway gw = TestGateway.shared();

    private static JsonNode json(HttpResponse<String> r) {
        return Json.parse(r.body());
    }

    private static void assertProblem(HttpResponse<String> r, int status, String code) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode p = json(r);
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("code").asText()).isEqualTo(code);
        assertThat(p.get("type").asText()).startsWith("https://");
        assertThat(p.get("request_id").asText())
                .isEqualTo(r.headers().firstValue("X-Request-Id").orElseThrow());
    }

    @Test
    void liveness_and_readiness_report_up_with_the_schema_version() {
        HttpResponse<String> live = gw.get("/health/live");
        assertThat(live.statusCode()).isEqualTo(200);
        HttpResponse<String> ready = gw.get("/health/ready");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(json(ready).get("checks").get("schema_version").asText()).isNotBlank();
    }

    @Test
    void unknown_path_is_a_404_problem_and_wrong_method_a_405() {
        assertProblem(gw.get("/v1/no-such-thing"), 404, "NOT_FOUND");
        assertProblem(gw.send(gw.request("DELETE", "/health/live", null).build()), 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void every_response_carries_a_request_id_and_echoes_a_sane_one() {
        HttpResponse<String> r = gw.send(gw.request("GET", "/health/live", null)
                .header("X-Request-Id", "abc-123")
                .build());
        assertThat(r.headers().firstValue("X-Request-Id")).hasValue("abc-123");
        HttpResponse<String> hostile = gw.send(gw.request("GET", "/health/live", null)
                .header("X-Request-Id", "x".repeat(65) + "<script>")
                .build());
        assertThat(hostile.headers().firstValue("X-Request-Id").orElseThrow()).hasSize(36);
    }

    @Test
    void metrics_are_exposed_in_prometheus_text() {
        gw.get("/health/live");
        HttpResponse<String> r = gw.get("/metrics");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("vertx_http_server_").contains("jvm_memory_used_bytes");
    }

    @Test
    void preview_of_the_worked_example_pays_to_the_fen() {
        HttpResponse<String> r =
                gw.signed("demo-hospital", "POST", PREVIEW, Examples.bytes("settlement-inpatient-1.json"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode body = json(r);
        JsonSubset.assertSubset(Examples.json("expected-inpatient-1.json"), body);
        assertThat(body.get("state").asText()).isEqualTo("PREVIEW");
        assertThat(body.get("setl_id").asText()).isEqualTo("S20260315000001");
    }

    @Test
    void schema_violation_is_a_400_naming_the_field() {
        ObjectNode doc = (ObjectNode) Examples.json("settlement-inpatient-1.json");
        ((ObjectNode) doc.get("setlinfo")).remove("setl_time");
        HttpResponse<String> r = gw.signed("demo-hospital", "POST", PREVIEW, Json.bytes(doc));
        assertProblem(r, 400, "SCHEMA_VIOLATION");
        assertThat(json(r).get("field").asText()).isEqualTo("setlinfo.setl_time");
    }

    @Test
    void every_schema_violation_of_a_body_is_listed_with_its_field_and_keyword() {
        ObjectNode doc = (ObjectNode) Examples.json("settlement-inpatient-1.json");
        ((ObjectNode) doc.get("setlinfo")).put("setl_id", "has space");
        ((ObjectNode) doc.get("feedetail").get(1)).remove("cnt");
        ((ObjectNode) doc.get("feedetail").get(0)).put("pric", "1.123456789");
        HttpResponse<String> r = gw.signed("demo-hospital", "POST", PREVIEW, Json.bytes(doc));
        assertProblem(r, 400, "SCHEMA_VIOLATION");
        List<String> fields = new ArrayList<>();
        json(r).get("errors")
                .forEach(e ->
                        fields.add(e.get("field").asText() + " " + e.get("code").asText()));
        assertThat(fields)
                .contains("setlinfo.setl_id PATTERN", "feedetail[1].cnt REQUIRED", "feedetail[0].pric PATTERN");

        HttpResponse<String> extra = gw.signed(
                "demo-insurer-hmb",
                "PUT",
                "/v1/webhook",
                "{\"url\":\"https://hmb.example/hook\",\"secret\":\"x\"}".getBytes());
        assertProblem(extra, 400, "SCHEMA_VIOLATION");
        assertThat(json(extra).get("errors").get(0).get("code").asText()).isEqualTo("ADDITIONALPROPERTIES");
    }

    @Test
    void path_and_query_parameters_are_checked_against_the_contract_naming_the_parameter() {
        HttpResponse<String> badPath = gw.signed("demo-hospital", "GET", "/v1/direct-settlements/has%20space", null);
        assertProblem(badPath, 400, "SCHEMA_VIOLATION");
        assertThat(json(badPath).get("field").asText()).isEqualTo("setl_id");
        assertThat(json(badPath).get("errors").get(0).get("code").asText()).isEqualTo("PATTERN");

        HttpResponse<String> badDate = gw.signed("demo-hospital", "GET", "/v1/reconciliation/2026-13-45", null);
        assertProblem(badDate, 400, "SCHEMA_VIOLATION");
        assertThat(json(badDate).get("field").asText()).isEqualTo("date");
        HttpResponse<String> noSuchDay = gw.signed("demo-hospital", "GET", "/v1/reconciliation/2026-02-30", null);
        assertThat(noSuchDay.statusCode()).as(noSuchDay.body()).isEqualTo(400);
        assertThat(json(noSuchDay).get("field").asText()).isEqualTo("date");

        HttpResponse<String> notInteger = gw.signed("demo-insurer-hmb", "GET", "/v1/claims?limit=ten", null);
        assertProblem(notInteger, 400, "SCHEMA_VIOLATION");
        assertThat(json(notInteger).get("errors").get(0).get("field").asText()).isEqualTo("limit");
        assertThat(json(notInteger).get("errors").get(0).get("code").asText()).isEqualTo("TYPE");

        HttpResponse<String> several = gw.signed("demo-insurer-hmb", "GET", "/v1/claims?limit=501&status=LOST", null);
        assertProblem(several, 400, "SCHEMA_VIOLATION");
        List<String> fields = new ArrayList<>();
        json(several)
                .get("errors")
                .forEach(e ->
                        fields.add(e.get("field").asText() + " " + e.get("code").asText()));
        assertThat(fields).containsExactlyInAnyOrder("limit MAXIMUM", "status ENUM");

        assertThat(gw.signed("demo-insurer-hmb", "GET", "/v1/claims?limit=1", null)
                        .statusCode())
                .isEqualTo(200);

        // a query string that cannot be decoded (the JDK client refuses to send one: a raw socket does)
        String target = "/v1/claims?status=%zz";
        String token = TestGateway.demoSigner("demo-insurer-hmb").sign("GET", target, null);
        try (Socket socket = new Socket("127.0.0.1", gw.port())) {
            socket.getOutputStream()
                    .write(("GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                                    + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void a_missing_body_is_a_400_naming_it_and_a_body_of_another_media_type_a_415() {
        HttpResponse<String> missing = gw.signed("demo-hospital", "POST", PREVIEW, null);
        assertProblem(missing, 400, "SCHEMA_VIOLATION");
        assertThat(json(missing).get("field").asText()).isEqualTo("body");

        byte[] body = Examples.bytes("settlement-inpatient-1.json");
        HttpResponse<String> xml = gw.send(gw.request("POST", PREVIEW, body)
                .setHeader("Content-Type", "application/xml")
                .header(
                        "Authorization",
                        "Bearer " + TestGateway.demoSigner("demo-hospital").sign("POST", PREVIEW, body))
                .build());
        assertProblem(xml, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void three_decimal_amount_is_a_400_naming_the_field() {
        ObjectNode doc = (ObjectNode) Examples.json("settlement-inpatient-1.json");
        ((ObjectNode) doc.get("setlinfo")).put("psn_part_amt", "9035.001");
        HttpResponse<String> r = gw.signed("demo-hospital", "POST", PREVIEW, Json.bytes(doc));
        assertProblem(r, 400, "SCHEMA_VIOLATION");
        assertThat(json(r).get("field").asText()).isEqualTo("setlinfo.psn_part_amt");
    }

    @Test
    void three_decimal_json_number_is_a_400_too() {
        String doc = new String(Examples.bytes("settlement-inpatient-1.json"), StandardCharsets.UTF_8)
                .replace("\"cnt\": 6", "\"cnt\": 6, \"extra_amount\": 1.005")
                .replace("\"det_item_fee_sumamt\": \"1200.00\"", "\"det_item_fee_sumamt\": 1200.001");
        HttpResponse<String> r = gw.signed("demo-hospital", "POST", PREVIEW, doc.getBytes());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(json(r).get("field").asText()).isEqualTo("feedetail[0].det_item_fee_sumamt");
    }

    @Test
    void broken_sum_identity_is_a_422_naming_the_field() {
        ObjectNode doc = (ObjectNode) Examples.json("settlement-inpatient-1.json");
        ((ObjectNode) doc.get("setlinfo")).put("psn_cash_pay", "8000.00");
        HttpResponse<String> r = gw.signed("demo-hospital", "POST", PREVIEW, Json.bytes(doc));
        assertProblem(r, 422, "INVALID_DOCUMENT");
        assertThat(json(r).get("field").asText()).isEqualTo("setlinfo.psn_part_amt");
    }

    @Test
    void unreadable_json_is_a_400() {
        HttpResponse<String> r = gw.signed("demo-hospital", "POST", PREVIEW, "{\"setlinfo\": ".getBytes());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    }

    @Test
    void another_hospitals_settlement_is_refused() {
        ObjectNode doc = (ObjectNode) Examples.json("settlement-inpatient-1.json");
        ((ObjectNode) doc.get("setlinfo")).put("fixmedins_code", "H99999999999");
        assertProblem(gw.signed("demo-hospital", "POST", PREVIEW, Json.bytes(doc)), 403, "TENANT_MISMATCH");
    }

    @Test
    void an_insurer_may_not_call_a_hospital_operation() {
        assertProblem(
                gw.signed("demo-insurer-hmb", "POST", PREVIEW, Examples.bytes("settlement-inpatient-1.json")),
                403,
                "ROLE_NOT_ALLOWED");
    }

    @Test
    void the_demo_runs_the_shipped_2025_plan() throws Exception {
        byte[] body = Files.readAllBytes(Path.of("config/demo/settlement-hmb2025-car-t.json"));
        HttpResponse<String> r = gw.signed("demo-hospital", "POST", PREVIEW, body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(json(r).get("payout_total").asText()).isEqualTo("513300.00");
    }
}
