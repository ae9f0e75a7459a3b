package com.huibao.gateway.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.support.Examples;
import com.huibao.gateway.support.JsonSubset;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AdjudicateCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin, String... args) {
        return AdjudicateCommand.run(
                args,
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String[] base(String... tail) {
        String[] head = {
            "--plans",
            Examples.path("plans.json").toString(),
            "--lists",
            Examples.path("lists.json").toString(),
            "--policies",
            Examples.path("policies.json").toString()
        };
        String[] all = new String[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }

    @Test
    void single_file_prints_the_expected_shape() {
        int rc = run("", base(Examples.path("settlement-inpatient-1.json").toString()));
        assertThat(rc).as(err.toString()).isZero();
        JsonSubset.assertSubset(Examples.json("expected-inpatient-1.json"), Json.parse(out.toByteArray()));
    }

    @Test
    void accumulators_option_feeds_the_second_settlement() {
        int rc = run(
                "",
                base(
                        "--accumulators",
                        Examples.path("accumulators-after-1.json").toString(),
                        Examples.path("settlement-outpatient-2.json").toString()));
        assertThat(rc).isZero();
        JsonSubset.assertSubset(Examples.json("expected-outpatient-2.json"), Json.parse(out.toByteArray()));
    }

    @Test
    void ndjson_streams_one_result_per_line_in_order_and_reports_bad_lines_as_problems() {
        String s1 = Json.write(Examples.json("settlement-inpatient-1.json"));
        String s2 = "{\"settlement\":" + Json.write(Examples.json("settlement-outpatient-2.json"))
                + ",\"accumulators\":" + Json.write(Examples.json("accumulators-after-1.json")) + "}";
        String bad = s1.replace("\"26800.00\"", "\"26800.001\"");
        String inconsistent = s1.replace("\"psn_cash_pay\":\"8035.00\"", "\"psn_cash_pay\":\"8034.00\"");
        int rc = run(String.join("\n", s1, bad, s2, "not json", inconsistent) + "\n", base("-"));
        assertThat(rc).isZero();
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(5);
        JsonSubset.assertSubset(Examples.json("expected-inpatient-1.json"), Json.parse(lines[0]));
        JsonNode p1 = Json.parse(lines[1]);
        assertThat(p1.get("status").asInt()).isEqualTo(400);
        assertThat(p1.get("field").asText()).isEqualTo("setlinfo.medfee_sumamt");
        assertThat(p1.get("line").asInt()).isEqualTo(2);
        JsonSubset.assertSubset(Examples.json("expected-outpatient-2.json"), Json.parse(lines[2]));
        assertThat(Json.parse(lines[3]).get("code").asText()).isEqualTo("MALFORMED_SETTLEMENT");
        JsonNode p5 = Json.parse(lines[4]);
        assertThat(p5.get("status").asInt()).isEqualTo(422);
        assertThat(p5.get("field").asText()).isEqualTo("setlinfo.psn_part_amt");
    }

    @Test
    void missing_options_print_usage() {
        assertThat(run("", "S.json")).isEqualTo(2);
        assertThat(err.toString()).contains("usage");
    }
}
