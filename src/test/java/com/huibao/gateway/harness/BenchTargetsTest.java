package com.huibao.gateway.harness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bench's table of targets (issue 28): median over the rounds, their range, the target and PASS or MISS. */
class BenchTargetsTest {
    @Test
    void a_ratio_at_least_its_target_passes_and_one_below_misses() {
        StringBuilder t = new StringBuilder();
        Bench.target(t, "preview ÷ signed floor", new double[] {0.22, 0.25, 0.27}, 0.5, true);
        Bench.target(t, "confirm ÷ plain transaction", new double[] {0.24, 0.26, 0.31}, 0.25, true);
        assertThat(t.toString().lines())
                .containsExactly(
                        "| preview ÷ signed floor | 0.25 (0.22–0.27) | ≥ 0.50 | MISS |",
                        "| confirm ÷ plain transaction | 0.26 (0.24–0.31) | ≥ 0.25 | PASS |");
    }

    @Test
    void a_cost_at_most_its_target_passes_and_large_figures_are_whole() {
        StringBuilder t = new StringBuilder();
        Bench.target(t, "WAL bytes per confirm", new double[] {4_900.4, 5_100.2, 9_411.0}, 5_206, false);
        Bench.target(t, "PostgreSQL CPU per confirm, ms", new double[] {2.39, 2.41, 2.43}, 0.7, false);
        assertThat(t.toString().lines())
                .containsExactly(
                        "| WAL bytes per confirm | 5100 (4900–9411) | ≤ 5206 | PASS |",
                        "| PostgreSQL CPU per confirm, ms | 2.41 (2.39–2.43) | ≤ 0.70 | MISS |");
    }
}
