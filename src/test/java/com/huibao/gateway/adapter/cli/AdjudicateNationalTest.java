package com.huibao.gateway.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.support.Examples;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code adjudicate} on the national bundles of {@code shared/examples/national}, unchanged, with the shipped
 * 沪惠保 plan and lists beside a test plan: each file alone and all of them as NDJSON give results whose burden is
 * {@code psn_part_amt} and whose payouts stay within it.
 */
class AdjudicateNationalTest {
    private static final List<String> BUNDLES = List.of(
            "bundle-2304-hospital-part.json",
            "bundle-2207-refund-lines.json",
            "bundle-commercial-fund-in-setldetail.json",
            "bundle-hainan-regional.json");

    private static String[] args(String input) {
        return new String[] {
            "--plans",
            "config/plans/huiminbao-2025.json," + "src/test/resources/national/plans.json",
            "--lists",
            "config/lists/huiminbao-2025-lists.json",
            "--policies",
            "src/test/resources/national/policies.json",
            input
        };
    }

    private static void assertExact(JsonNode result, JsonNode bundle) {
        BigDecimal psn = bundle.get("setlinfo").get("psn_part_amt").decimalValue();
        BigDecimal burden = BigDecimal.ZERO;
        for (JsonNode l : result.get("lines")) {
            burden = burden.add(new BigDecimal(l.get("burden").asText()));
        }
        assertThat(burden).isEqualByComparingTo(psn);
        BigDecimal payout = new BigDecimal(result.get("payout_total").asText());
        assertThat(payout).isPositive().isLessThanOrEqualTo(psn);
        assertThat(result.get("policies")).isNotEmpty();
    }

    @Test
    void each_bundle_adjudicates_unchanged() {
        for (String file : BUNDLES) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int rc = AdjudicateCommand.run(
                    args(Examples.path("national/" + file).toString()),
                    new ByteArrayInputStream(new byte[0]),
                    out,
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(rc).as(file + ": " + err + out).isZero();
            assertExact(Json.parse(out.toByteArray()), Examples.json("national/" + file));
        }
    }

    @Test
    void all_bundles_stream_as_ndjson_in_order() {
        List<String> lines = new ArrayList<>();
        for (String file : BUNDLES) {
            lines.add(Json.write(Examples.json("national/" + file)));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = AdjudicateCommand.run(
                args("-"),
                new ByteArrayInputStream(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)),
                out,
                new PrintStream(new ByteArrayOutputStream()));
        assertThat(rc).isZero();
        String[] results = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(results).hasSize(BUNDLES.size());
        for (int i = 0; i < results.length; i++) {
            assertExact(Json.parse(results[i]), Examples.json("national/" + BUNDLES.get(i)));
        }
    }
}
