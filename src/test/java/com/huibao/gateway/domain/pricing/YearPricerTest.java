package com.huibao.gateway.domain.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.domain.benefit.Accumulators;
import com.huibao.gateway.domain.benefit.BenefitEngine;
import com.huibao.gateway.domain.benefit.PolicyCase;
import com.huibao.gateway.domain.benefit.PolicyResult;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.plan.Plan;
import com.huibao.gateway.domain.policy.Policy;
import com.huibao.gateway.domain.settlement.Settlement;
import com.huibao.gateway.support.Examples;
import com.huibao.gateway.support.Readers;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A member's year is priced in time order on the accumulators the earlier settlements left, as the gateway settles
 * it: the same as adjudicating each settlement by hand on the accumulators after the one before.
 */
class YearPricerTest {
    @Test
    void settlements_are_priced_in_time_order_each_on_what_the_earlier_ones_left() {
        Plan plan = Examples.plans().get("PMI-GOLD"); // a 1,000.00 annual deductible
        BenefitEngine engine = new BenefitEngine(Examples.lists());
        Settlement first = Examples.settlement("settlement-inpatient-1.json");
        ObjectNode again = (ObjectNode) Examples.json("settlement-inpatient-1.json");
        ((ObjectNode) again.get("setlinfo")).put("setl_id", "S-AGAIN").put("setl_time", "2026-05-20 09:00:00");
        Settlement later = Readers.settlement(again);
        Member m = new Member("P1", LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1), null, 0, false);

        List<PricedClaim> year = new YearPricer(engine).price(m, plan, List.of(later, first)); // any order in
        assertThat(year)
                .extracting(PricedClaim::setlId)
                .containsExactly(first.setlinfo().setlId(), later.setlinfo().setlId());

        Policy policy = new Policy(
                "HMB-2026:P1",
                "HMB-2026",
                plan.insurerId(),
                "01",
                "P1",
                m.enrolledFrom(),
                m.enrolledTo(),
                List.of(),
                null,
                Map.of(),
                0,
                false);
        PolicyResult one = engine.adjudicate(first, List.of(PolicyCase.allowed(policy, plan, Accumulators.EMPTY)))
                .policies()
                .get(0);
        PolicyResult two = engine.adjudicate(later, List.of(PolicyCase.allowed(policy, plan, one.after())))
                .policies()
                .get(0);
        assertThat(year.get(0).payout()).isEqualTo(one.payout()).isEqualTo(Money.parse("7231.50"));
        assertThat(year.get(1).payout()).isEqualTo(two.payout());
        PolicyResult alone = engine.adjudicate(later, List.of(PolicyCase.allowed(policy, plan, Accumulators.EMPTY)))
                .policies()
                .get(0);
        assertThat(two.payout())
                .as("the deductible the first stay used is not asked again")
                .isNotEqualTo(alone.payout());
        assertThat(year.get(0).byBenefit().values().stream().reduce(Money.ZERO, Money::plus))
                .isEqualTo(year.get(0).payout());
    }

    @Test
    void figures_gathered_in_parts_are_the_figures_gathered_at_once() {
        Member a = new Member("A", LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1), null, 0, false);
        Member b = new Member("B", LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1), null, 0, false);
        Member c = new Member("C", LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1), null, 0, false);
        List<PricedClaim> ya =
                List.of(claim("S1", "A", "100.00", "X", "70.00"), claim("S2", "A", "50.00", "Y", "0.00"));
        List<PricedClaim> yb = List.of(claim("S3", "B", "1000.00", "X", "700.01"));
        PlanFigures whole = new PlanFigures("P").add(a, ya).add(b, yb).add(c, List.of());
        PlanFigures parts = new PlanFigures("P")
                .add(c, List.of())
                .merge(new PlanFigures("P").add(b, yb).add(a, ya));
        for (PlanFigures f : List.of(whole, parts)) {
            assertThat(f.members()).isEqualTo(3);
            assertThat(f.claimants()).isEqualTo(2);
            assertThat(f.claims()).isEqualTo(3);
            assertThat(f.payout()).isEqualTo(Money.parse("770.01"));
            assertThat(f.perMember()).isEqualTo(Money.parse("256.67"));
            assertThat(f.byBenefit()).containsEntry("X", Money.parse("770.01"));
            assertThat(f.claimantPercentile(500)).isEqualTo(Money.parse("70.00"));
            assertThat(f.claimantPercentile(990)).isEqualTo(Money.parse("700.01"));
            assertThat(f.topShare(1)).isEqualByComparingTo("0.9091");
        }
    }

    private static PricedClaim claim(String setlId, String person, String burden, String benefit, String payout) {
        Money p = Money.parse(payout);
        return new PricedClaim(
                setlId, person, Money.parse(burden), p, p.isZero() ? Map.of() : Map.of(benefit, p), List.of());
    }
}
