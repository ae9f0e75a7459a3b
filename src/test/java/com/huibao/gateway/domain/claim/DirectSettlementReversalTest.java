package com.huibao.gateway.domain.claim;

import static org.assertj.core.api.Assertions.assertThat;

import com.huibao.gateway.domain.benefit.Accumulators;
import com.huibao.gateway.domain.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The reversal decision as a table: what each stored claim state leads to. */
class DirectSettlementReversalTest {
    private static final Instant CONFIRMED = Instant.parse("2026-03-15T02:20:30Z");
    private static final Instant NOW = Instant.parse("2026-03-15T03:00:00Z");
    private static final Map<String, Accumulators> RECORDED = Map.of(
            "P-1",
            new Accumulators(Map.of("d", Money.ofFen(10_000)), Map.of("r", Money.ofFen(8_000)), Money.ofFen(8_000)));

    private static SettledClaim claim(String id, ClaimState state) {
        return new SettledClaim(
                id, "P-" + id, "INS", state, Money.ofFen(8_000), Money.ofFen(5_000), Money.ofFen(3_000));
    }

    @Test
    void approved_claims_are_reversed_with_an_event_each_and_the_recorded_deltas_are_what_is_restored() {
        var outcome = DirectSettlementReversal.decide(
                "S-1",
                CONFIRMED,
                List.of(claim("1", ClaimState.APPROVED), claim("2", ClaimState.APPROVED)),
                RECORDED,
                NOW);

        assertThat(outcome).isInstanceOfSatisfying(DirectSettlementReversal.Reversed.class, r -> {
            assertThat(r.claims()).extracting(SettledClaim::state).containsOnly(ClaimState.REVERSED);
            assertThat(r.events())
                    .extracting(e -> ((ClaimEvent.ClaimReversed) e).claimId())
                    .containsExactly("1", "2");
            assertThat(r.restored()).isEqualTo(RECORDED);
            assertThat(r.reversedAt()).isEqualTo(NOW);
        });
    }

    @Test
    void one_paid_claim_refuses_the_whole_reversal_naming_it() {
        var outcome = DirectSettlementReversal.decide(
                "S-1", CONFIRMED, List.of(claim("1", ClaimState.APPROVED), claim("2", ClaimState.PAID)), RECORDED, NOW);

        assertThat(outcome)
                .isEqualTo(new DirectSettlementReversal.Refused(DirectSettlementReversal.CLAIM_ALREADY_PAID, "2"));
    }

    @Test
    void a_claim_already_reversed_is_left_as_it_is() {
        var outcome = DirectSettlementReversal.decide(
                "S-1", CONFIRMED, List.of(claim("1", ClaimState.REVERSED)), Map.of(), NOW);

        assertThat(outcome).isInstanceOfSatisfying(DirectSettlementReversal.Reversed.class, r -> {
            assertThat(r.claims()).isEmpty();
            assertThat(r.events()).isEmpty();
        });
    }
}
