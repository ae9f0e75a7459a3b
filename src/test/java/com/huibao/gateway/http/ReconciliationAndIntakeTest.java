package com.huibao.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.huibao.gateway.codec.Canonical;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.crypto.RequestSigner;
import com.huibao.gateway.crypto.Sm3;
import com.huibao.gateway.support.Settlements;
import com.huibao.gateway.support.Sql;
import com.huibao.gateway.support.TestGateway;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The daily statement adds up to the claims; intake is idempotent; another hospital sees nothing of this one. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReconciliationAndIntakeTest {
    private static TestGateway gw;
    private static RequestSigner otherHospital;
    private static final String TODAY =
            LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

    @BeforeAll
    static void start() {
        Path clients = Path.of("target/clients-" + UUID.randomUUID());
        otherHospital = TestGateway.registerClient(clients, "hosp-b", "HOSPITAL", "H31010100002");
        gw = TestGateway.start(Map.of("GATEWAY_CLIENTS_DIR", clients.toString()));
        for (String id : new String[] {"S-REC-1", "S-REC-2", "S-REC-3"}) {
            assertThat(gw.signed("demo-hospital", "PUT", "/v1/direct-settlements/" + id, Settlements.inpatient(id))
                            .statusCode())
                    .isEqualTo(200);
        }
        assertThat(gw.signed("demo-hospital", "POST", "/v1/direct-settlements/S-REC-2/reversal", null)
                        .statusCode())
                .isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    @Test
    @Order(1)
    void statement_totals_equal_the_sum_of_claims_and_carry_a_verifiable_sm3_digest() throws Exception {
        HttpResponse<String> r = gw.signed("demo-hospital", "GET", "/v1/reconciliation/" + TODAY, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode s = Json.parse(r.body());
        assertThat(s.get("settlements")).hasSize(4); // three confirmed, one reversed
        assertThat(s.get("entries")).hasSize(8); // two claims each
        BigDecimal fromClaims = BigDecimal.valueOf(
                Sql.count(
                        gw.gateway().database(),
                        "SELECT sum(pays_hospital * 100)::bigint FROM claims WHERE state = 'APPROVED'"),
                2);
        assertThat(new BigDecimal(s.at("/totals/all/net").asText())).isEqualByComparingTo(fromClaims);
        // By hand: the first confirm pays 7,552.33 (worked example). PMI's deductible is then used up, so the next two
        // pay 3,208.26 + 5,244.07 = 8,452.33, of which the hospital gets psn_cash_pay = 8,035.00 (HMB 3,208.26 first,
        // PMI 4,826.74) and the patient 417.33. The second is reversed.
        assertThat(s.at("/totals/all/confirmed").asText()).isEqualTo("23622.33");
        assertThat(s.at("/totals/all/reversed").asText()).isEqualTo("8035.00");
        assertThat(s.at("/totals/all/net").asText()).isEqualTo("15587.33");
        assertThat(s.at("/totals/by_insurer/INS-HMB/net").asText()).isEqualTo("6416.52");
        assertThat(s.at("/totals/by_insurer/INS-PMI/net").asText()).isEqualTo("9170.81");

        ObjectNode withoutDigest = ((ObjectNode) s).deepCopy();
        withoutDigest.remove("digest");
        String digest = Sm3.hex(Canonical.bytes(withoutDigest));
        assertThat(s.at("/digest/value").asText()).isEqualTo(digest);
        assertThat(r.headers().firstValue("Huibao-Statement-SM3")).hasValue(digest);

        HttpResponse<String> csv = gw.send(gw.request("GET", "/v1/reconciliation/" + TODAY, null)
                .setHeader("Accept", "text/csv")
                .header(
                        "Authorization",
                        "Bearer "
                                + TestGateway.demoSigner("demo-hospital")
                                        .sign("GET", "/v1/reconciliation/" + TODAY, null))
                .build());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Huibao-Statement-SM3"))
                .as("the CSV's digest is over its own bytes: the file alone reproduces it")
                .hasValue(Sm3.hex(csv.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(csv.body())
                .startsWith("row,setl_id,event")
                .contains("TOTAL,,,,,INS-HMB,,,,,9624.78,3208.26,0.00,6416.52")
                .endsWith("\r\n")
                .doesNotContain("#");
        // a strict RFC 4180 reader takes every line as a row of the header's 14 columns
        List<Map<String, String>> rows = new CsvMapper()
                .readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader().withStrictHeaders(true))
                .with(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS)
                .<Map<String, String>>readValues(csv.body())
                .readAll();
        assertThat(rows).hasSize(8 + 3).allSatisfy(row -> assertThat(row).hasSize(14));
        assertThat(rows.get(10))
                .containsEntry("row", "TOTAL")
                .containsEntry("insurer_id", "*")
                .containsEntry("confirmed", "23622.33")
                .containsEntry("reversed", "8035.00")
                .containsEntry("net", "15587.33");
    }

    @Test
    void another_hospital_sees_and_reverses_nothing_of_this_one() {
        assertThat(gw.signedBy(otherHospital, "POST", "/v1/direct-settlements/S-REC-1/reversal", null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(gw.signedBy(otherHospital, "GET", "/v1/direct-settlements/S-REC-1", null)
                        .statusCode())
                .isEqualTo(404);
        JsonNode statement = Json.parse(gw.signedBy(otherHospital, "GET", "/v1/reconciliation/" + TODAY, null)
                .body());
        assertThat(statement.get("entries")).isEmpty();
        assertThat(statement.at("/totals/all/net").asText()).isEqualTo("0.00");
        assertThat(Sql.count(
                        gw.gateway().database(),
                        "SELECT count(*) FROM claims WHERE setl_id = 'S-REC-1' " + "AND state = 'APPROVED'"))
                .isEqualTo(2);
    }

    @Test
    void data_feed_intake_is_idempotent_and_stores_the_document_encrypted() {
        byte[] body = Settlements.outpatient("S-FEED-1");
        HttpResponse<String> first = gw.signed("demo-datafeed", "POST", "/v1/settlements", body);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        HttpResponse<String> replay = gw.signed("demo-datafeed", "POST", "/v1/settlements", body);
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(Json.parse(replay.body()).get("replay").asBoolean()).isTrue();
        assertThat(Json.parse(replay.body()).get("received_at").asText())
                .isEqualTo(Json.parse(first.body()).get("received_at").asText());

        ObjectNode changed = Settlements.doc("settlement-outpatient-2.json", "S-FEED-1");
        ((ObjectNode) changed.get("setlinfo")).put("fixmedins_name", "改");
        HttpResponse<String> conflict = gw.signed("demo-datafeed", "POST", "/v1/settlements", Json.bytes(changed));
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(Json.parse(conflict.body()).get("code").asText()).isEqualTo("SETTLEMENT_CONFLICT");

        assertThat(gw.signed("demo-hospital", "POST", "/v1/settlements", body).statusCode())
                .isEqualTo(403);
        assertThat(Sql.count(
                        gw.gateway().database(),
                        "SELECT count(*) FROM settlements WHERE setl_id = 'S-FEED-1' AND document_cipher IS NULL "
                                + "AND position(convert_to('310101198001010011', 'UTF8') IN document_sealed) = 0 "
                                + "AND position(convert_to('张三', 'UTF8') IN document_sealed) = 0"))
                .isEqualTo(1);
    }

    @Test
    void a_settlement_from_the_feed_then_confirmed_by_the_hospital_is_one_settlement() {
        byte[] body = Settlements.inpatient("S-BOTH-1");
        assertThat(gw.signed("demo-datafeed", "POST", "/v1/settlements", body).statusCode())
                .isEqualTo(201);
        assertThat(gw.signed("demo-hospital", "PUT", "/v1/direct-settlements/S-BOTH-1", body)
                        .statusCode())
                .isEqualTo(200);
        assertThat(Sql.count(gw.gateway().database(), "SELECT count(*) FROM settlements WHERE setl_id = 'S-BOTH-1'"))
                .isEqualTo(1);
    }
}
