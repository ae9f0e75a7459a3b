package com.huibao.gateway.domain.plan;

import com.huibao.gateway.domain.validation.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The rules a plan document must keep before any claim is computed against it: known lists and pools, ratios in
 * [0, 1], non-negative caps and deductibles, unique ids.
 */
public final class PlanValidator {
    private static final BigDecimal ONE = BigDecimal.ONE;

    private PlanValidator() {}

    /**
     * @param prefix    path of the plan in its document, e.g. {@code "[0]."} or {@code ""}
     * @param knownList whether a coverage list id exists
     */
    public static List<Violation> validate(Plan plan, String prefix, Predicate<String> knownList) {
        List<Violation> out = new ArrayList<>();
        if (plan.overallCap() != null && plan.overallCap().isNegative()) {
            out.add(new Violation(prefix + "overall_cap", "NEGATIVE_AMOUNT", "overall_cap must be ≥ 0"));
        }
        Set<String> pools = new HashSet<>();
        for (int i = 0; i < plan.deductiblePools().size(); i++) {
            DeductiblePool p = plan.deductiblePools().get(i);
            String at = prefix + "deductible_pools[" + i + "].";
            if (!pools.add(p.id())) {
                out.add(new Violation(at + "id", "DUPLICATE_ID", "deductible pool " + p.id() + " is defined twice"));
            }
            if (p.amount().isNegative()) {
                out.add(new Violation(at + "amount", "NEGATIVE_AMOUNT", "deductible amount must be ≥ 0"));
            }
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < plan.responsibilities().size(); i++) {
            Responsibility r = plan.responsibilities().get(i);
            String at = prefix + "responsibilities[" + i + "].";
            if (!ids.add(r.id())) {
                out.add(new Violation(at + "id", "DUPLICATE_ID", "responsibility " + r.id() + " is defined twice"));
            }
            if (r.listId() != null && !knownList.test(r.listId())) {
                out.add(new Violation(
                        at + "match.list", "UNKNOWN_LIST", "coverage list " + r.listId() + " is not known"));
            }
            if (r.sublimitList() != null && !knownList.test(r.sublimitList())) {
                out.add(new Violation(
                        at + "sublimit_list", "UNKNOWN_LIST", "coverage list " + r.sublimitList() + " is not known"));
            }
            if (r.sublimitList() != null && r.listId() != null) {
                out.add(new Violation(
                        at + "sublimit_list",
                        "SUBLIMIT_LIST_ON_LIST_MATCH",
                        "a list-matched responsibility " + "takes its sub-limits from its own list's entries"));
            }
            if (r.admissionCap() != null && r.admissionCap().isNegative()) {
                out.add(new Violation(at + "admission_cap", "NEGATIVE_AMOUNT", "admission_cap must be ≥ 0"));
            }
            Conditions c = r.conditions();
            if (r.part() == null) {
                out.add(new Violation(at + "part", "REQUIRED", "part must be in_list, out_of_list or burden"));
            }
            optionalRatio(at + "conditions.invoice_ratio", c.invoiceRatio(), out);
            optionalRatio(at + "conditions.invoice_preexisting_ratio", c.invoicePreexistingRatio(), out);
            if (c.admissionExtensionDays() != null && c.admissionExtensionDays() < 0) {
                out.add(new Violation(
                        at + "conditions.admission_extension_days",
                        "NEGATIVE",
                        "admission_extension_days must be ≥ 0"));
            }
            if (r.filter().maxDaysSupply() != null && r.filter().maxDaysSupply() < 1) {
                out.add(new Violation(at + "filter.max_days_supply", "NOT_POSITIVE", "max_days_supply must be ≥ 1"));
            }
            validateLimits(r, at, out);
            if (c.outsideRegionRatio() != null) {
                ratio(at + "conditions.outside_region_ratio", c.outsideRegionRatio(), out);
            }
            if (c.outsideRegionPreexistingRatio() != null) {
                ratio(at + "conditions.outside_region_preexisting_ratio", c.outsideRegionPreexistingRatio(), out);
            }
            if (c.runOffDays() != null && c.runOffDays() < 0) {
                out.add(new Violation(at + "conditions.run_off_days", "NEGATIVE", "run_off_days must be ≥ 0"));
            }
            if (r.deductiblePool() != null && !pools.contains(r.deductiblePool())) {
                out.add(new Violation(
                        at + "deductible_pool",
                        "UNKNOWN_POOL",
                        "deductible pool " + r.deductiblePool() + " is not defined by the plan"));
            }
            ratio(at + "ratio", r.ratio(), out);
            if (r.preexistingRatio() != null) {
                ratio(at + "preexisting_ratio", r.preexistingRatio(), out);
            }
            if (r.annualCap() != null && r.annualCap().isNegative()) {
                out.add(new Violation(at + "annual_cap", "NEGATIVE_AMOUNT", "annual_cap must be ≥ 0"));
            }
        }
        return out;
    }

    private static void validateLimits(Responsibility r, String at, List<Violation> out) {
        Set<String> ids = new HashSet<>();
        for (int k = 0; k < r.limits().size(); k++) {
            SubLimit l = r.limits().get(k);
            String lat = at + "limits[" + k + "].";
            if (l.id() != null && !ids.add(l.id())) {
                out.add(new Violation(lat + "id", "DUPLICATE_ID", "limit " + l.id() + " is defined twice"));
            }
            if (l.per() == null || l.period() == null) {
                out.add(new Violation(
                        lat + "per",
                        "REQUIRED",
                        "a limit needs per (generic_name or responsibility) and " + "period (year or admission)"));
            }
            if (l.cap() == null && l.count() == null) {
                out.add(new Violation(lat + "cap", "REQUIRED", "a limit needs a cap, a count or both"));
            }
            if (l.cap() != null && !l.cap().isPositive()) {
                out.add(new Violation(lat + "cap", "NOT_POSITIVE", "cap must be > 0"));
            }
            if (l.count() != null && l.count() < 1) {
                out.add(new Violation(lat + "count", "NOT_POSITIVE", "count must be ≥ 1"));
            }
        }
    }

    private static void optionalRatio(String field, BigDecimal ratio, List<Violation> out) {
        if (ratio != null) {
            ratio(field, ratio, out);
        }
    }

    private static void ratio(String field, BigDecimal ratio, List<Violation> out) {
        if (ratio == null) {
            out.add(new Violation(field, "REQUIRED", field + " is required"));
        } else if (ratio.signum() < 0 || ratio.compareTo(ONE) > 0) {
            out.add(new Violation(
                    field, "RATIO_OUT_OF_RANGE", "ratio must be within [0, 1], was " + ratio.toPlainString()));
        }
    }
}
