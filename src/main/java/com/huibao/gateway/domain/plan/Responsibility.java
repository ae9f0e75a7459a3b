package com.huibao.gateway.domain.plan;

import com.huibao.gateway.domain.money.Money;
import java.math.BigDecimal;
import java.util.List;

/**
 * One benefit (保障责任) of a plan: which lines it matches (every line, or membership of a coverage list), which part
 * of each line it covers, for which {@code med_type}s, its deductible pool, ratios and annual cap.
 *
 * @param listId           the coverage list a line must match; null = every line
 * @param medTypes         admissible {@code med_type}s; null = any
 * @param deductiblePool   the pool this responsibility draws its deductible from; null = none
 * @param preexistingRatio the ratio when the main diagnosis is pre-existing (既往症); null = excluded then
 * @param annualCap        the most it pays in a policy year; null = no cap of its own
 * @param admissionCap     the most it pays for one admission ({@code mdtrt_id}); null = none
 * @param conditions       region, hospital and run-off conditions; {@link Conditions#NONE} = none
 * @param sublimitList     for an all-lines responsibility: a list whose entries only attach sub-limits (annual
 *                         cap, count, per-admission cap) to the lines they match, e.g. PET-CT once a year; null = none
 * @param filter           charge categories, kinds of item, channels and days' supply it takes; {@link
 *                         LineFilter#NONE} = any
 * @param limits           sub-limits by generic name or over some of its lines (e.g. one drug ≤ 300,000 a year,
 *                         surgical materials ≤ 200,000 per admission)
 */
public record Responsibility(
        String id,
        String name,
        String listId,
        LinePart part,
        List<String> medTypes,
        String deductiblePool,
        BigDecimal ratio,
        BigDecimal preexistingRatio,
        Money annualCap,
        boolean requiresPreapproval,
        Money admissionCap,
        Conditions conditions,
        String sublimitList,
        LineFilter filter,
        List<SubLimit> limits) {

    public Responsibility {
        medTypes = medTypes == null ? null : List.copyOf(medTypes);
        conditions = conditions == null ? Conditions.NONE : conditions;
        filter = filter == null ? LineFilter.NONE : filter;
        limits = limits == null ? List.of() : List.copyOf(limits);
    }

    /** A responsibility without line filters or sub-limits of its own. */
    public Responsibility(
            String id,
            String name,
            String listId,
            LinePart part,
            List<String> medTypes,
            String deductiblePool,
            BigDecimal ratio,
            BigDecimal preexistingRatio,
            Money annualCap,
            boolean requiresPreapproval,
            Money admissionCap,
            Conditions conditions,
            String sublimitList) {
        this(
                id,
                name,
                listId,
                part,
                medTypes,
                deductiblePool,
                ratio,
                preexistingRatio,
                annualCap,
                requiresPreapproval,
                admissionCap,
                conditions,
                sublimitList,
                LineFilter.NONE,
                List.of());
    }

    /** A responsibility without admission cap or conditions (SPEC §3.2's original shape). */
    public Responsibility(
            String id,
            String name,
            String listId,
            LinePart part,
            List<String> medTypes,
            String deductiblePool,
            BigDecimal ratio,
            BigDecimal preexistingRatio,
            Money annualCap,
            boolean requiresPreapproval) {
        this(
                id,
                name,
                listId,
                part,
                medTypes,
                deductiblePool,
                ratio,
                preexistingRatio,
                annualCap,
                requiresPreapproval,
                null,
                Conditions.NONE,
                null,
                LineFilter.NONE,
                List.of());
    }

    public boolean admitsMedType(String medType) {
        return medTypes == null || medTypes.contains(medType);
    }

    public boolean matchesAllLines() {
        return listId == null;
    }
}
