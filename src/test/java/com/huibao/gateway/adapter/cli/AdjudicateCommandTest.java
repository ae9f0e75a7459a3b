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
import java.util.Arrays;
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

    /** 500 lines: the worked examples, bad amounts, broken JSON, blank lines, CRLF ends and refunds mixed. */
    private static String mixedStream() {
        String s1 = Json.write(Examples.json("settlement-inpatient-1.json"));
        String s2 = "{\"settlement\":" + Json.write(Examples.json("settlement-outpatient-2.json"))
                + ",\"accumulators\":" + Json.write(Examples.json("accumulators-after-1.json")) + "}";
        String bad = s1.replace("\"26800.00\"", "\"26800.001\"");
        String refund = new String(Examples.bytes("national/bundle-2207-refund-lines.json"), StandardCharsets.UTF_8)
                .replace("\n", " ");
        StringBuilder in = new StringBuilder();
        String[] kinds = {s1, s2, bad, "not json", "", s1 + "\r", refund, "  "};
        for (int i = 0; i < 500; i++) {
            in.append(kinds[(i * 7 + i / 3) % kinds.length]).append('\n');
        }
        return in.toString();
    }

    @Test
    void ndjson_on_several_threads_writes_the_bytes_of_one_thread_in_input_order() {
        String in = mixedStream();
        assertThat(run(in, base("--threads", "1", "-"))).isZero();
        byte[] one = out.toByteArray();
        out.reset();
        assertThat(run(in, base("--threads", "3", "-"))).as(err.toString()).isZero();
        assertThat(out.toByteArray()).isEqualTo(one);
        // every non-blank line answered once, problems numbered by their input line
        String[] inLines = in.split("\n", -1);
        String[] outLines = new String(one, StandardCharsets.UTF_8).split("\n");
        long nonBlank = Arrays.stream(inLines).filter(l -> !l.isBlank()).count();
        assertThat(outLines).hasSize((int) nonBlank);
        int answered = 0;
        for (int i = 0; i < inLines.length; i++) {
            if (inLines[i].isBlank()) {
                continue;
            }
            JsonNode r = Json.parse(outLines[answered++]);
            if (r.has("code")) {
                assertThat(r.get("line").asInt()).isEqualTo(i + 1);
            } else {
                assertThat(r.has("policies")).isTrue();
            }
        }
    }

    @Test
    void check_only_reads_and_validates_and_writes_only_the_problems() {
        String in = mixedStream();
        assertThat(run(in, base("--check-only", "-"))).isZero();
        String[] inLines = in.split("\n", -1);
        String[] problems = out.toString(StandardCharsets.UTF_8).split("\n");
        long bad = Arrays.stream(inLines)
                .filter(l -> l.equals("not json") || l.contains("26800.001"))
                .count();
        assertThat(problems).hasSize((int) bad);
        for (String p : problems) {
            JsonNode problem = Json.parse(p);
            assertThat(inLines[problem.get("line").asInt() - 1])
                    .satisfiesAnyOf(
                            l -> assertThat(l).isEqualTo("not json"),
                            l -> assertThat(l).contains("26800.001"));
        }
        out.reset();
        assertThat(run(
                        "",
                        base(
                                "--check-only",
                                Examples.path("settlement-inpatient-1.json").toString())))
                .isZero();
        assertThat(out.size()).as("a valid file: nothing to say").isZero();
    }

    @Test
    void threads_must_be_a_positive_whole_number() {
        assertThat(run("", base("--threads", "0", "-"))).isEqualTo(2);
        assertThat(run("", base("--threads", "many", "-"))).isEqualTo(2);
        assertThat(err.toString()).contains("--threads");
    }

    @Test
    void missing_options_print_usage() {
        assertThat(run("", "S.json")).isEqualTo(2);
        assertThat(err.toString()).contains("usage");
    }
}
