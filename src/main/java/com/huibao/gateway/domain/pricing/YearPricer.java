package com.huibao.gateway.domain.pricing;

import com.huibao.gateway.domain.benefit.Accumulators;
import com.huibao.gateway.domain.benefit.Adjudication;
import com.huibao.gateway.domain.benefit.BenefitEngine;
import com.huibao.gateway.domain.benefit.PolicyCase;
import com.huibao.gateway.domain.benefit.PolicyResult;
import com.huibao.gateway.domain.benefit.ResponsibilityResult;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.plan.Plan;
import com.huibao.gateway.domain.policy.Policy;
import com.huibao.gateway.domain.settlement.Settlement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prices one member's year under one candidate plan exactly as the gateway would have settled it: the member holds
 * one policy of the plan for their enrolment window, and their settlements are adjudicated in time order (then by
 * {@code setl_id}), each on the accumulators the earlier ones left (deductibles used, caps consumed).
 */
public final class YearPricer {
    /** Settlement order within a member's year: time, then id (two settlements in the same second). */
    public static final Comparator<Settlement> IN_TIME = Comparator.comparing(
                    (Settlement s) -> s.setlinfo().setlTime())
            .thenComparing(s -> s.setlinfo().setlId());

    private final BenefitEngine engine;

    public YearPricer(BenefitEngine engine) {
        this.engine = engine;
    }

    /** @param settlements the member's settlements, any order */
    public List<PricedClaim> price(Member m, Plan plan, List<Settlement> settlements) {
        Plan edition = plan.forEdition(m.edition());
        Policy policy = new Policy(
                plan.planId() + ":" + m.person(),
                plan.planId(),
                plan.insurerId(),
                "01",
                m.person(),
                m.enrolledFrom(),
                m.enrolledTo(),
                List.of(),
                m.edition(),
                Map.of(),
                m.claimFreeEditions(),
                m.preexisting());
        List<Settlement> ordered = new ArrayList<>(settlements);
        ordered.sort(IN_TIME);
        Accumulators acc = Accumulators.EMPTY;
        List<PricedClaim> out = new ArrayList<>(ordered.size());
        for (Settlement s : ordered) {
            Adjudication a = engine.adjudicate(s, List.of(PolicyCase.allowed(policy, edition, acc)));
            PolicyResult r = a.policies().get(0);
            acc = r.after();
            Map<String, Money> byBenefit = new LinkedHashMap<>();
            List<String> caps = new ArrayList<>();
            for (ResponsibilityResult x : r.responsibilities()) {
                if (!x.payable().isZero()) {
                    byBenefit.put(x.id(), x.payable());
                }
                if (x.cappedBy() != null) {
                    caps.add(x.id() + ":" + x.cappedBy());
                }
            }
            Money burden = Money.ZERO;
            for (var b : a.burdens()) {
                burden = burden.plus(b.burden());
            }
            out.add(new PricedClaim(s.setlinfo().setlId(), m.person(), burden, r.payout(), byBenefit, caps));
        }
        return out;
    }
}
