package com.huibao.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.huibao.gateway.domain.benefit.Accumulators;
import com.huibao.gateway.domain.benefit.BenefitBalance;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.plan.DeductiblePool;
import com.huibao.gateway.domain.plan.LinePart;
import com.huibao.gateway.domain.plan.Plan;
import com.huibao.gateway.domain.plan.Responsibility;
import com.huibao.gateway.domain.policy.Policy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What is left of a policy's year: the deductible that applies to it, caps, and nothing below zero. */
class BenefitBalanceTest {
    private static Money m(String s) {
        return Money.parse(s);
    }

    /** 沪惠保-like: 20,000 deductible, 11,000 after two claim-free editions; one capped benefit, one uncapped. */
    private static final Plan PLAN = new Plan(
            "P",
            "INS",
            "城市普惠",
            1,
            m("100000.00"),
            List.of(new DeductiblePool("GENERAL", m("20000.00"), List.of(new DeductiblePool.Tier(2, m("11000.00"))))),
            List.of(
                    new Responsibility(
                            "DRUG",
                            "特药",
                            null,
                            LinePart.BURDEN,
                            null,
                            null,
                            new BigDecimal("0.7"),
                            null,
                            m("50000.00"),
                            false),
                    new Responsibility(
                            "STAY",
                            "住院",
                            null,
                            LinePart.BURDEN,
                            null,
                            "GENERAL",
                            new BigDecimal("0.7"),
                            null,
                            null,
                            false)));

    private static Policy policy(Integer claimFree, Map<String, Money> own) {
        return new Policy(
                "N",
                "P",
                "INS",
                "01",
                "X",
                LocalDate.parse("2026-01-01"),
                LocalDate.parse("2027-01-01"),
                List.of(),
                null,
                own,
                claimFree);
    }

    @Test
    void the_deductible_that_applies_is_the_policys_own_else_its_tier_else_the_plans() {
        assertThat(BenefitBalance.of(policy(null, Map.of()), PLAN, Accumulators.EMPTY)
                        .deductibles()
                        .get(0)
                        .left())
                .isEqualTo(m("20000.00"));
        assertThat(BenefitBalance.of(policy(2, Map.of()), PLAN, Accumulators.EMPTY)
                        .deductibles()
                        .get(0)
                        .amount())
                .isEqualTo(m("11000.00"));
        assertThat(BenefitBalance.of(policy(2, Map.of("GENERAL", m("5000.00"))), PLAN, Accumulators.EMPTY)
                        .deductibles()
                        .get(0)
                        .amount())
                .isEqualTo(m("5000.00"));
    }

    @Test
    void what_was_used_comes_off_never_below_zero_and_an_absent_cap_has_no_left() {
        Accumulators used = new Accumulators(
                Map.of("GENERAL", m("12000.00")), Map.of("DRUG", m("49999.99"), "STAY", m("70000.00")), m("119999.99"));
        BenefitBalance b = BenefitBalance.of(policy(2, Map.of()), PLAN, used);
        assertThat(b.deductibles().get(0).used()).isEqualTo(m("12000.00"));
        assertThat(b.deductibles().get(0).left())
                .as("11,000 applies, 12,000 used")
                .isEqualTo(Money.ZERO);
        assertThat(b.benefits().get(0).left()).isEqualTo(m("0.01"));
        assertThat(b.benefits().get(0).name()).isEqualTo("特药");
        assertThat(b.benefits().get(1).annualCap()).isNull();
        assertThat(b.benefits().get(1).left()).isNull();
        assertThat(b.benefits().get(1).paid()).isEqualTo(m("70000.00"));
        assertThat(b.overall().left()).isEqualTo(Money.ZERO);
    }
}
