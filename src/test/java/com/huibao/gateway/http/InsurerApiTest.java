package com.huibao.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.crypto.RequestSigner;
import com.huibao.gateway.support.Settlements;
import com.huibao.gateway.support.Sql;
import com.huibao.gateway.support.TestGateway;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** An insurer publishes lists, plans and policies; another insurer sees none of it. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InsurerApiTest {
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

    private static HttpResponse<String> b(String method, String path, String body) {
        return gw.signedBy(insB, method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> hmb(String method, String path, String body) {
        return gw.signed("demo-insurer-hmb", method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private static HttpResponse<String> csv(String path, String csv) {
        byte[] body = csv.getBytes(StandardCharsets.UTF_8);
        return gw.send(gw.request("PUT", path, body)
                .setHeader("Content-Type", "text/csv; charset=utf-8")
                .header("Authorization", "Bearer " + insB.sign("PUT", path, body))
                .build());
    }

    private static String code(HttpResponse<String> r) {
        return Json.parse(r.body()).path("code").asText();
    }

    private static final String LIST_V1 =
            "{\"list_id\":\"B-DRUGS\",\"version\":\"1\",\"effective_from\":\"2026-01-01\","
                    + "\"effective_to\":\"2026-06-01\",\"entries\":[{\"code\":\"XB001\",\"match\":\"exact\",\"name\":\"药一\"}]}";
    private static final String PLAN = "{\"plan_id\":\"B-PLAN\",\"insurer_id\":\"INS-B\",\"cob_priority\":30,"
            + "\"responsibilities\":[{\"id\":\"DRUG\",\"match\":{\"list\":\"B-DRUGS\"},\"part\":\"burden\",\"ratio\":\"0.80\","
            + "\"annual_cap\":\"100000.00\"}]}";

    private static String policy(String no, String plan, String insurer, String certno) {
        return "{\"policy_no\":\"" + no + "\",\"plan_id\":\"" + plan + "\",\"insurer_id\":\"" + insurer + "\","
                + "\"psn_cert_type\":\"01\",\"certno\":\"" + certno + "\",\"effective_from\":\"2026-01-01\","
                + "\"effective_to\":\"2027-01-01\"}";
    }

    @Test
    @Order(1)
    void list_versions_are_published_once_immutable_and_never_overlap() {
        HttpResponse<String> first = b("PUT", "/v1/lists/B-DRUGS/versions/1", LIST_V1);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(b("PUT", "/v1/lists/B-DRUGS/versions/1", LIST_V1).statusCode())
                .isEqualTo(200);
        HttpResponse<String> changed = b("PUT", "/v1/lists/B-DRUGS/versions/1", LIST_V1.replace("药一", "药二"));
        assertThat(changed.statusCode()).isEqualTo(409);
        assertThat(code(changed)).isEqualTo("LIST_VERSION_IMMUTABLE");
        HttpResponse<String> overlapping = b(
                "PUT",
                "/v1/lists/B-DRUGS/versions/2",
                LIST_V1.replace("\"1\"", "\"2\"")
                        .replace("2026-01-01", "2026-05-01")
                        .replace("2026-06-01", "2026-12-01"));
        assertThat(overlapping.statusCode()).as(overlapping.body()).isEqualTo(422);
        assertThat(Json.parse(overlapping.body()).at("/errors/0/code").asText()).isEqualTo("OVERLAPPING_LIST_VERSIONS");
        HttpResponse<String> next = csv(
                "/v1/lists/B-DRUGS/versions/2?effective_from=2026-06-01",
                "\uFEFFcode,match,name,payment_standard,diagnosis_prefixes\r\n"
                        + "XB002,exact,\"药二, 注射液 \"\"进口\"\"\",1000.00,C34;C50\r\n");
        assertThat(next.statusCode()).as(next.body()).isEqualTo(201);
        JsonNode read =
                Json.parse(b("GET", "/v1/lists/B-DRUGS/versions/2", null).body());
        assertThat(read.at("/entries/0/name").asText()).isEqualTo("药二, 注射液 \"进口\"");
        assertThat(read.at("/entries/0/diagnosis_prefixes/1").asText()).isEqualTo("C50");
        assertThat(read.at("/entries/0/payment_standard").asText()).isEqualTo("1000.00");
        assertThat(read.get("effective_to").isNull()).isTrue();
    }

    @Test
    @Order(2)
    void a_list_of_twenty_thousand_entries_is_accepted_in_one_request() {
        StringBuilder csv = new StringBuilder("code,match,name,payment_standard\n");
        for (int i = 0; i < 20_000; i++) {
            csv.append(String.format("XBIG%06d,exact,大目录药品%d,%d.00%n", i, i, 100 + i % 900));
        }
        HttpResponse<String> r = csv("/v1/lists/B-BIG/versions/2026?effective_from=2026-01-01", csv.toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(Json.parse(r.body()).get("entries_count").asInt()).isEqualTo(20_000);
    }

    @Test
    @Order(3)
    void plans_are_validated_and_every_change_is_a_new_version() {
        HttpResponse<String> bad = b(
                "PUT",
                "/v1/plans/B-PLAN",
                PLAN.replace("\"0.80\"", "\"1.80\"").replace("B-DRUGS", "HMB-SPECIALTY-DRUGS"));
        assertThat(bad.statusCode()).as(bad.body()).isEqualTo(422);
        assertThat(bad.body()).contains("RATIO_OUT_OF_RANGE").contains("UNKNOWN_LIST"); // another insurer's list
        HttpResponse<String> v1 = b("PUT", "/v1/plans/B-PLAN", PLAN);
        assertThat(v1.statusCode()).as(v1.body()).isEqualTo(201);
        assertThat(Json.parse(v1.body()).get("version").asText()).isEqualTo("1");
        assertThat(Json.parse(b("PUT", "/v1/plans/B-PLAN", PLAN).body())
                        .get("version")
                        .asText())
                .isEqualTo("1");
        HttpResponse<String> v2 = b("PUT", "/v1/plans/B-PLAN", PLAN.replace("0.80", "0.85"));
        assertThat(v2.statusCode()).isEqualTo(201);
        assertThat(Json.parse(v2.body()).get("version").asText()).isEqualTo("2");
        assertThat(Json.parse(b("GET", "/v1/plans/B-PLAN", null).body())
                        .at("/responsibilities/0/ratio")
                        .asText())
                .isEqualTo("0.85");
        assertThat(Sql.count(gw.gateway().database(), "SELECT count(*) FROM plan_versions WHERE plan_id = 'B-PLAN'"))
                .isEqualTo(2);

        // an earlier version as it was published: what a claim naming plan_version 1 was adjudicated under
        HttpResponse<String> first = b("GET", "/v1/plans/B-PLAN?version=1", null);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(Json.parse(first.body()).get("version").asText()).isEqualTo("1");
        assertThat(Json.parse(first.body()).at("/responsibilities/0/ratio").asText())
                .isEqualTo("0.80");
        assertThat(Json.parse(b("GET", "/v1/plans/B-PLAN?version=2", null).body())
                        .at("/responsibilities/0/ratio")
                        .asText())
                .isEqualTo("0.85");
        HttpResponse<String> never = b("GET", "/v1/plans/B-PLAN?version=3", null);
        assertThat(never.statusCode()).isEqualTo(404);
        assertThat(Json.parse(never.body()).get("code").asText()).isEqualTo("PLAN_VERSION_NOT_FOUND");
        for (String wrong : new String[] {"0", "x", "2147483648", "1.5"}) {
            HttpResponse<String> r = b("GET", "/v1/plans/B-PLAN?version=" + wrong, null);
            assertThat(r.statusCode()).as(wrong + ": " + r.body()).isEqualTo(400);
            assertThat(r.body()).as(wrong).contains("version");
        }
    }

    @Test
    @Order(4)
    void a_policy_batch_is_all_or_nothing_and_names_every_bad_row() {
        String batch = "[" + policy("B-1", "B-PLAN", "INS-B", "310101199901010101") + ","
                + policy("B-2", "NO-PLAN", "INS-B", "310101199901010102") + ","
                + policy("B-3", "B-PLAN", "INS-HMB", "310101199901010103") + "]";
        HttpResponse<String> r = b("POST", "/v1/policies", batch);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        assertThat(r.body()).contains("[1].plan_id").contains("[2].insurer_id");
        assertThat(Sql.count(gw.gateway().database(), "SELECT count(*) FROM policies WHERE insurer_id = 'INS-B'"))
                .isZero();
        String good = "[" + policy("B-1", "B-PLAN", "INS-B", "310101199901010101") + ","
                + policy("B-2", "B-PLAN", "INS-B", "310101199901010102") + "]";
        HttpResponse<String> created = b("POST", "/v1/policies", good);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(Json.parse(created.body()).get("created").asInt()).isEqualTo(2);
        HttpResponse<String> again = b("POST", "/v1/policies", good);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(Json.parse(again.body()).get("unchanged").asInt()).isEqualTo(2);
        HttpResponse<String> taken = b("POST", "/v1/policies", policy("B-1", "B-PLAN", "INS-B", "310101199901019999"));
        assertThat(taken.statusCode()).isEqualTo(422);
        assertThat(taken.body()).contains("POLICY_EXISTS");

        JsonNode read = Json.parse(b("GET", "/v1/policies/B-1", null).body());
        assertThat(read.get("certno").asText()).isEqualTo("310***********0101");
        assertThat(read.get("plan_id").asText()).isEqualTo("B-PLAN");
        assertThat(Sql.count(
                        gw.gateway().database(),
                        "SELECT count(*) FROM policies WHERE certno_cipher LIKE "
                                + "'%3101011999%' OR certno_masked = '310101199901010101'"))
                .isZero();
    }

    @Test
    @Order(5)
    void another_insurer_finds_nothing_of_this_one_even_by_guessing_ids() {
        assertThat(hmb("GET", "/v1/plans/B-PLAN", null).statusCode()).isEqualTo(404);
        assertThat(hmb("GET", "/v1/plans/B-PLAN?version=1", null).statusCode()).isEqualTo(404);
        assertThat(hmb(
                                "PUT",
                                "/v1/plans/B-PLAN",
                                PLAN.replace("INS-B", "INS-HMB").replace("B-DRUGS", "HMB-SPECIALTY-DRUGS"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(hmb("GET", "/v1/lists/B-DRUGS/versions/1", null).statusCode())
                .isEqualTo(404);
        assertThat(hmb(
                                "PUT",
                                "/v1/lists/B-DRUGS/versions/3",
                                LIST_V1.replace("\"1\"", "\"3\"")
                                        .replace("2026-01-01", "2030-01-01")
                                        .replace("2026-06-01", "2031-01-01"))
                        .statusCode())
                .isEqualTo(404);
        assertThat(hmb("GET", "/v1/policies/B-1", null).statusCode()).isEqualTo(404);
        assertThat(b("GET", "/v1/policies/HMB26-000001", null).statusCode()).isEqualTo(404);
        assertThat(b("GET", "/v1/plans/HMB-2026", null).statusCode()).isEqualTo(404);
        assertThat(Json.parse(b("GET", "/v1/plans/HMB-2026", null).body())
                        .get("code")
                        .asText())
                .isEqualTo(Json.parse(b("GET", "/v1/plans/NO-SUCH-PLAN", null).body())
                        .get("code")
                        .asText());
        assertThat(gw.signed("demo-hospital", "GET", "/v1/plans/B-PLAN", null).statusCode())
                .isEqualTo(403);
    }

    @Test
    @Order(6)
    void the_engine_uses_the_published_list_version_in_force_on_the_settlement_date() {
        String v1 = "{\"list_id\":\"HMB-SWITCH\",\"version\":\"1\",\"effective_from\":\"2026-01-01\","
                + "\"effective_to\":\"2026-03-15\",\"entries\":[{\"code\":\"001204000010000\"}]}";
        String v2 = "{\"list_id\":\"HMB-SWITCH\",\"version\":\"2\",\"effective_from\":\"2026-03-15\","
                + "\"entries\":[{\"code\":\"250101001\"}]}";
        assertThat(hmb("PUT", "/v1/lists/HMB-SWITCH/versions/1", v1).statusCode())
                .isEqualTo(201);
        assertThat(hmb("PUT", "/v1/lists/HMB-SWITCH/versions/2", v2).statusCode())
                .isEqualTo(201);
        assertThat(hmb(
                                "PUT",
                                "/v1/plans/HMB-SWITCH-PLAN",
                                "{\"plan_id\":\"HMB-SWITCH-PLAN\",\"insurer_id\":\"INS-HMB\","
                                        + "\"cob_priority\":1,\"responsibilities\":[{\"id\":\"LISTED\",\"match\":{\"list\":\"HMB-SWITCH\"},"
                                        + "\"part\":\"burden\",\"ratio\":\"1.00\"}]}")
                        .statusCode())
                .isEqualTo(201);
        assertThat(hmb("POST", "/v1/policies", policy("HMB-SW-1", "HMB-SWITCH-PLAN", "INS-HMB", "310101198001010011"))
                        .statusCode())
                .isEqualTo(201);
        // Line 1 (bed fee, burden 248.30) is on version 1, line 5 (exam, burden 203.46) on version 2.
        assertThat(switchPolicyPays("2026-03-14 23:59:59")).isEqualTo("248.30");
        assertThat(switchPolicyPays("2026-03-15 00:00:00")).isEqualTo("203.46");
    }

    private static String switchPolicyPays(String setlTime) {
        ObjectNode doc = Settlements.doc("settlement-inpatient-1.json", "S-SW");
        ((ObjectNode) doc.get("setlinfo")).put("setl_time", setlTime);
        HttpResponse<String> r = gw.signed("demo-hospital", "POST", "/v1/direct-settlements/preview", Json.bytes(doc));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        for (JsonNode p : Json.parse(r.body()).get("policies")) {
            if (p.get("policy_no").asText().equals("HMB-SW-1")) {
                return p.get("payout").asText();
            }
        }
        throw new AssertionError("policy HMB-SW-1 not in " + r.body());
    }
}
