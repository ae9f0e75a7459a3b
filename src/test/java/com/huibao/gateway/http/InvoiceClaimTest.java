package com.huibao.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.support.Patients;
import com.huibao.gateway.support.Sql;
import com.huibao.gateway.support.TestGateway;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Claims on invoices over signed HTTP: an overseas special drug bought at a Boao institution (沪惠保 2025, 海外特殊药品:
 * no basic insurance, paid at 70 % on the invoice), claimed by the insurer and by the patient; a designated
 * pharmacy's sale as a receipt document.
 */
class InvoiceClaimTest {
    private static final String CERTNO = "310104199002020022";
    private final TestGateway gw = TestGateway.shared();

    /** 1 box of Lumakras (sotorasib), 50,000 yuan, at 海南博鳌超级医院 (the demo code of HMB25-BOAO-1). */
    private static String invoice(String receiptNo, String certno) {
        return "{\"policy_no\":\"HMB25-000002\",\"receipt\":{\"receipt_no\":\"" + receiptNo + "\",\"fixmedins_code\":"
                + "\"DEMO-BOAO-1\",\"psn_cert_type\":\"01\",\"certno\":\"" + certno + "\",\"psn_name\":\"李四\","
                + "\"time\":\"2026-03-10 10:00:00\",\"med_type\":\"11\",\"diagnosis\":\"C34.1\",\"items\":[{\"code\":"
                + "\"BOAO-SOTORASIB-120\",\"generic_name\":\"Lumakras\",\"name\":\"Lumakras 120mg\",\"quantity\":1,"
                + "\"price\":\"50000.00\",\"amount\":\"50000.00\",\"preapproval_no\":\"BOAO-PA-2026-0310\"}]},"
                + "\"documents\":[\"" + "cd".repeat(32) + "\"]}";
    }

    /** The responsibilities that paid something, in the plan's order. */
    private static List<String> paying(JsonNode claim) {
        List<String> out = new ArrayList<>();
        for (JsonNode r : claim.get("responsibilities")) {
            if (new BigDecimal(r.get("payable").asText()).signum() > 0) {
                out.add(r.get("id").asText());
            }
        }
        return out;
    }

    @Test
    void an_insurer_claims_a_boao_invoice_paid_at_the_overseas_drug_invoice_ratio_once() {
        HttpResponse<String> first = gw.signed(
                "demo-insurer-hmb",
                "POST",
                "/v1/invoice-claims",
                invoice("INV-BOAO-1", CERTNO).getBytes(StandardCharsets.UTF_8));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        JsonNode c = Json.parse(first.body());
        assertThat(c.get("channel").asText()).isEqualTo("INVOICE_CLAIM");
        assertThat(c.get("payout").asText())
                .as("70 % of 50,000 (海外特殊药品, invoice ratio)")
                .isEqualTo("35000.00");
        assertThat(paying(c)).containsExactly("OVERSEAS_SPECIAL_DRUGS");

        HttpResponse<String> again = gw.signed(
                "demo-insurer-hmb",
                "POST",
                "/v1/invoice-claims",
                invoice("INV-BOAO-1", CERTNO).getBytes(StandardCharsets.UTF_8));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(Json.parse(again.body()).get("claim_id").asText())
                .isEqualTo(c.get("claim_id").asText());
        assertThat(Sql.count(
                        gw.gateway().database(),
                        "SELECT count(*) FROM settlements WHERE setl_id = 'INV-BOAO-1' "
                                + "AND source = 'INVOICE' AND message_kind = 'INVOICE'"))
                .isEqualTo(1);

        HttpResponse<String> other = gw.signed(
                "demo-insurer-pmi",
                "POST",
                "/v1/invoice-claims",
                invoice("INV-BOAO-1", CERTNO).getBytes(StandardCharsets.UTF_8));
        assertThat(other.statusCode()).as("another insurer's policy").isEqualTo(404);
    }

    @Test
    void the_patient_claims_an_invoice_of_their_own_and_not_of_someone_else() {
        String token = Patients.token(CERTNO);
        HttpResponse<String> mine = gw.send(gw.request(
                        "POST",
                        "/v1/me/invoice-claims",
                        invoice("INV-BOAO-2", CERTNO).getBytes(StandardCharsets.UTF_8))
                .header("Authorization", "Bearer " + token)
                .build());
        assertThat(mine.statusCode()).as(mine.body()).isEqualTo(201);
        assertThat(Json.parse(mine.body()).get("payout").asText()).isEqualTo("35000.00");

        HttpResponse<String> someoneElse = gw.send(gw.request(
                        "POST",
                        "/v1/me/invoice-claims",
                        invoice("INV-BOAO-3", "310101198001010011").getBytes(StandardCharsets.UTF_8))
                .header("Authorization", "Bearer " + token)
                .build());
        assertThat(someoneElse.statusCode()).isEqualTo(422);
        assertThat(Json.parse(someoneElse.body()).get("field").asText()).isEqualTo("receipt.certno");
        assertThat(Sql.count(gw.gateway().database(), "SELECT count(*) FROM settlements WHERE setl_id = 'INV-BOAO-3'"))
                .isZero();
    }

    @Test
    void an_item_whose_amount_is_not_quantity_times_price_is_refused_naming_it() {
        HttpResponse<String> r = gw.signed(
                "demo-insurer-hmb",
                "POST",
                "/v1/invoice-claims",
                invoice("INV-BOAO-4", CERTNO)
                        .replace("\"amount\":\"50000.00\"", "\"amount\":\"50000.01\"")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(Json.parse(r.body()).get("field").asText()).isEqualTo("receipt.items[0].amount");
        assertThat(Json.parse(r.body()).at("/errors/0/code").asText()).isEqualTo("AMOUNT_MISMATCH");
    }
}
