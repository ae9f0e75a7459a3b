package com.huibao.gateway.domain.pricing;

import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.plan.Plan;
import com.huibao.gateway.domain.settlement.Settlement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a pricing study gathers, member by member: each candidate plan's {@link PlanFigures}, and the claims whose
 * payout differs most between the first two plans. One per worker (a thread, a Spark partition), merged at the end;
 * merging is associative and order-free, so every runner and every split of the members gives the same study.
 */
public final class PricingStudy {
    /** Largest difference first; equal differences by {@code setl_id}. */
    public static final Comparator<ClaimDifference> LARGEST_FIRST = Comparator.comparing(
                    (ClaimDifference d) -> d.difference().abs())
            .reversed()
            .thenComparing(ClaimDifference::setlId);

    private final List<Plan> plans;
    private final int sample;
    private final Map<String, PlanFigures> figures = new LinkedHashMap<>();
    private final TreeSet<ClaimDifference> largest = new TreeSet<>(LARGEST_FIRST);

    /** @param sample how many of the largest differences between the first two plans to keep */
    public PricingStudy(List<Plan> plans, int sample) {
        this.plans = List.copyOf(plans);
        this.sample = sample;
        for (Plan p : plans) {
            figures.put(p.planId(), new PlanFigures(p.planId()));
        }
    }

    /** Prices the member's year under every plan and adds it (a member without settlements counts as a member). */
    public PricingStudy add(Member m, List<Settlement> settlements, YearPricer pricer) {
        List<List<PricedClaim>> years = new ArrayList<>(plans.size());
        for (Plan p : plans) {
            List<PricedClaim> year = settlements.isEmpty() ? List.of() : pricer.price(m, p, settlements);
            figures.get(p.planId()).add(m, year);
            years.add(year);
        }
        if (years.size() >= 2) {
            Map<String, Money> second = new HashMap<>();
            years.get(1).forEach(c -> second.put(c.setlId(), c.payout()));
            for (PricedClaim c : years.get(0)) {
                offer(new ClaimDifference(c.setlId(), c.payout(), second.getOrDefault(c.setlId(), Money.ZERO)));
            }
        }
        return this;
    }

    /** Adds another worker's part (its members are not in this one). */
    public PricingStudy merge(PricingStudy other) {
        other.figures.forEach((planId, f) -> figures.get(planId).merge(f));
        other.largest.forEach(this::offer);
        return this;
    }

    /** Keeps a difference if it is among the largest (a claim both plans pay alike is no difference). */
    public void offer(ClaimDifference d) {
        if (d.first().equals(d.second())) {
            return;
        }
        largest.add(d);
        if (largest.size() > sample) {
            largest.pollLast();
        }
    }

    /** Each plan's figures, in the order the plans were given. */
    public Map<String, PlanFigures> figures() {
        return figures;
    }

    /** The largest differences between the first two plans, largest first. */
    public List<ClaimDifference> largestDifferences() {
        return List.copyOf(largest);
    }
}
