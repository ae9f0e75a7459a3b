package com.huibao.gateway.domain.plan;

import com.huibao.gateway.domain.money.Money;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A commercial plan (insurer, product, year): responsibilities in precedence order, deductible pools shared by them,
 * an overall cap and its place in coordination of benefits ({@code cob_priority}, lower pays first).
 *
 * @param overallCap null = no overall cap
 * @param edition    the edition this plan is (普通版, 关爱版, …); null for the base plan
 * @param editions   the base plan's editions by id, each a whole plan derived from it; empty for an edition
 * @param compensation how compensation from elsewhere is treated (补偿原则)
 * @param preAuthorization how applications for its pre-approved drugs are reviewed
 */
public record Plan(
        String planId,
        String insurerId,
        String name,
        int cobPriority,
        Money overallCap,
        List<DeductiblePool> deductiblePools,
        List<Responsibility> responsibilities,
        String edition,
        Map<String, Plan> editions,
        Compensation compensation,
        PreAuthRules preAuthorization) {

    public Plan {
        deductiblePools = List.copyOf(deductiblePools);
        responsibilities = List.copyOf(responsibilities);
        editions = editions == null ? Map.of() : Map.copyOf(editions);
        compensation = compensation == null ? Compensation.ON_REMAINING : compensation;
        preAuthorization = preAuthorization == null ? PreAuthRules.REVIEW_ALL : preAuthorization;
    }

    public Plan(
            String planId,
            String insurerId,
            String name,
            int cobPriority,
            Money overallCap,
            List<DeductiblePool> deductiblePools,
            List<Responsibility> responsibilities,
            String edition,
            Map<String, Plan> editions,
            Compensation compensation) {
        this(
                planId,
                insurerId,
                name,
                cobPriority,
                overallCap,
                deductiblePools,
                responsibilities,
                edition,
                editions,
                compensation,
                null);
    }

    public Plan(
            String planId,
            String insurerId,
            String name,
            int cobPriority,
            Money overallCap,
            List<DeductiblePool> deductiblePools,
            List<Responsibility> responsibilities) {
        this(planId, insurerId, name, cobPriority, overallCap, deductiblePools, responsibilities, null, Map.of(), null);
    }

    /** The most days any responsibility covers an admission after the term's end (0 = none). */
    public int admissionExtensionDays() {
        int most = 0;
        for (Responsibility r : responsibilities) {
            Integer days = r.conditions().admissionExtensionDays();
            if (days != null && days > most) {
                most = days;
            }
        }
        return most;
    }

    /** The plan a policy of that edition uses: the edition, or this plan when {@code edition} is null. */
    public Plan forEdition(String edition) {
        if (edition == null || edition.equals(this.edition)) {
            return this;
        }
        Plan e = editions.get(edition);
        if (e == null) {
            throw new IllegalArgumentException("plan " + planId + " has no edition " + edition);
        }
        return e;
    }

    public Map<String, DeductiblePool> poolsById() {
        return deductiblePools.stream().collect(Collectors.toMap(DeductiblePool::id, Function.identity()));
    }

    public DeductiblePool pool(String id) {
        for (DeductiblePool p : deductiblePools) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        return null;
    }
}
