package com.huibao.gateway.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The reduced fault harness of {@code mvn verify} (the fat jar in its own JVM, on an external embedded PostgreSQL):
 * 300 confirms per scenario instead of 2,000, the first with partial refunds and insurer payments of the
 * acknowledged confirms running across the kill. {@code scripts/chaos} runs the full form.
 */
class ChaosIT {
    @Test
    void kill_9_a_database_restart_and_two_instances_breach_no_invariant() throws Exception {
        List<Chaos.Figures> figures = new Chaos(300, 100, Path.of("target/chaos-it")).runAll();
        figures.forEach(f -> System.out.println("chaos: " + f));
        assertThat(figures).hasSize(3);
        for (Chaos.Figures f : figures) {
            assertThat(f.acknowledged()).as(f.scenario()).isEqualTo(300);
            assertThat(f.stored()).as(f.scenario()).isEqualTo(300);
            assertThat(f.missing()).as(f.scenario()).isZero();
            assertThat(f.mismatched()).as(f.scenario()).isZero();
            assertThat(f.doubled()).as(f.scenario()).isZero();
            assertThat(f.drift()).as(f.scenario()).isZero();
            assertThat(f.serverErrors()).as(f.scenario() + " " + f.statuses()).isZero();
            assertThat(f.lostEvents()).as(f.scenario()).isZero();
            assertThat(f.money().lost())
                    .as(f.scenario() + ": acknowledged refunds and payments stored")
                    .isZero();
            assertThat(f.money().appliedTwice())
                    .as(f.scenario() + ": nothing applied twice")
                    .isZero();
        }
        assertThat(figures.get(0).money().refunds())
                .as("partial refunds across the kill")
                .isPositive();
        assertThat(figures.get(0).money().payments())
                .as("payments across the kill")
                .isPositive();
        assertThat(figures.get(0).statuses()).as("the kill cut requests").containsKey(-1);
        assertThat(figures.get(1).unavailable())
                .as("503 while the database was down")
                .isPositive();
    }
}
