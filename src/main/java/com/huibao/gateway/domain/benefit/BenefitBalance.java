package com.huibao.gateway.domain.benefit;

import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.plan.DeductiblePool;
import com.huibao.gateway.domain.plan.Plan;
import com.huibao.gateway.domain.plan.Responsibility;
import com.huibao.gateway.domain.policy.Policy;
import java.util.ArrayList;
import java.util.List;

/**
 * What is left of a policy's year (eligibility and benefit balance, as X12 271 answers it): per deductible pool the
 * amount that applies to this policy (its own, else the tier its claim-free editions reach, else the plan's), used
 * and left; per responsibility its annual cap, paid and left; the overall cap, paid and left. A cap that does not
 * exist has no {@code left} (null): nothing stops that benefit but its other limits.
 */
public record BenefitBalance(List<Pool> deductibles, List<Benefit> benefits, Cap overall) {

    public record Pool(String id, Money amount, Money used, Money left) {}

    public record Benefit(String id, String name, Money annualCap, Money paid, Money left) {}

    public record Cap(Money cap, Money paid, Money left) {}

    public BenefitBalance {
        deductibles = List.copyOf(deductibles);
        benefits = List.copyOf(benefits);
    }

    /**
     * @param plan the policy's plan with its edition applied
     * @param used what the policy consumed so far this year
     */
    public static BenefitBalance of(Policy policy, Plan plan, Accumulators used) {
        List<Pool> pools = new ArrayList<>();
        for (DeductiblePool pool : plan.deductiblePools()) {
            Money amount = policy.deductible(pool);
            Money spent = used.deductibleUsed(pool.id());
            pools.add(new Pool(pool.id(), amount, spent, left(amount, spent)));
        }
        List<Benefit> benefits = new ArrayList<>();
        for (Responsibility r : plan.responsibilities()) {
            Money paid = used.paid(r.id());
            benefits.add(new Benefit(
                    r.id(), r.name(), r.annualCap(), paid, r.annualCap() == null ? null : left(r.annualCap(), paid)));
        }
        Money cap = plan.overallCap();
        return new BenefitBalance(
                pools, benefits, new Cap(cap, used.total(), cap == null ? null : left(cap, used.total())));
    }

    private static Money left(Money amount, Money used) {
        Money rest = amount.minus(used);
        return rest.isNegative() ? Money.ZERO : rest;
    }
}
