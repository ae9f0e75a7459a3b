package com.huibao.gateway.support;

import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.plan.Conditions;
import com.huibao.gateway.domain.plan.DeductiblePool;
import com.huibao.gateway.domain.plan.LinePart;
import com.huibao.gateway.domain.plan.Plan;
import com.huibao.gateway.domain.plan.Responsibility;
import com.huibao.gateway.domain.policy.Policy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Plans and policies for engine tests, in a few words each. */
public final class PlanBuilder {
    private final String planId;
    private String insurer = "INS-T";
    private int cob = 10;
    private Money overallCap;
    private final List<DeductiblePool> pools = new ArrayList<>();
    private final List<Responsibility> responsibilities = new ArrayList<>();

    private PlanBuilder(String planId) {
        this.planId = planId;
    }

    public static PlanBuilder plan(String planId) {
        return new PlanBuilder(planId);
    }

    public PlanBuilder insurer(String insurer) {
        this.insurer = insurer;
        return this;
    }

    public PlanBuilder cob(int cob) {
        this.cob = cob;
        return this;
    }

    public PlanBuilder overallCap(String cap) {
        this.overallCap = cap == null ? null : Money.parse(cap);
        return this;
    }

    /** A responsibility; {@code list} null = all lines, {@code pool}/{@code cap}/{@code preexisting} null = none. */
    public PlanBuilder responsibility(
            String id,
            String list,
            LinePart part,
            List<String> medTypes,
            String pool,
            String ratio,
            String preexisting,
            String cap,
            boolean preapproval) {
        responsibilities.add(new Responsibility(
                id,
                id,
                list,
                part,
                medTypes,
                pool,
                new BigDecimal(ratio),
                preexisting == null ? null : new BigDecimal(preexisting),
                cap == null ? null : Money.parse(cap),
                preapproval));
        return this;
    }

    /** A responsibility with the plan-term extensions: admission cap, conditions, sub-limit list. */
    public PlanBuilder responsibility(
            String id,
            String list,
            LinePart part,
            List<String> medTypes,
            String pool,
            String ratio,
            String preexisting,
            String cap,
            String admissionCap,
            Conditions conditions,
            String sublimitList) {
        responsibilities.add(new Responsibility(
                id,
                id,
                list,
                part,
                medTypes,
                pool,
                new BigDecimal(ratio),
                preexisting == null ? null : new BigDecimal(preexisting),
                cap == null ? null : Money.parse(cap),
                false,
                admissionCap == null ? null : Money.parse(admissionCap),
                conditions,
                sublimitList));
        return this;
    }

    public PlanBuilder pool(String id, String amount, DeductiblePool.Tier... tiers) {
        pools.add(new DeductiblePool(id, Money.parse(amount), List.of(tiers)));
        return this;
    }

    public Plan build() {
        return new Plan(planId, insurer, planId, cob, overallCap, pools, responsibilities);
    }

    public static Policy policy(String policyNo, Plan plan, String from, String to, String... preexisting) {
        return new Policy(
                policyNo,
                plan.planId(),
                plan.insurerId(),
                "01",
                "310101198001010011",
                LocalDate.parse(from),
                LocalDate.parse(to),
                List.of(preexisting));
    }
}
