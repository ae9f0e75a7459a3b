package com.huibao.gateway.domain.benefit;

import com.huibao.gateway.domain.institution.InstitutionKind;
import com.huibao.gateway.domain.plan.Conditions;
import com.huibao.gateway.domain.plan.Responsibility;
import com.huibao.gateway.domain.policy.Policy;
import java.time.LocalDate;

/**
 * Whether a responsibility applies to a settlement at all (its conditions: term, basis, insured region, channel,
 * institution, run-off): the first refusal, with the fact that decided it, or null. A refused responsibility takes
 * no line part; each part stays available to later responsibilities. Needing a fact that neither the settlement nor
 * the institution registry gives is a refusal of its own ({@code …_UNKNOWN}), never an exception.
 */
final class ResponsibilityGate {
    private ResponsibilityGate() {}

    static Refusal refusal(Responsibility r, SettlementView v, Policy policy, LocalDate claimDate) {
        Conditions c = r.conditions();
        Refusal term = term(c, v, policy);
        if (term != null) {
            return term;
        }
        if (v.invoice && c.invoiceRatio() == null) {
            return Refusal.of(UnpaidReason.NOT_SETTLED_BY_BASIC_INSURANCE);
        }
        if (!v.invoice && c.insuredRegions() != null) {
            String region = v.settlement.setlinfo().insuplcAdmdvs();
            if (region == null || region.isBlank()) {
                return Refusal.of(UnpaidReason.REGION_UNKNOWN, "insuplc_admdvs");
            }
            if (!c.inRegion(region) && c.outsideRegionRatio() == null) {
                return Refusal.of(UnpaidReason.REGION_NOT_COVERED, "insuplc_admdvs " + region);
            }
        }
        if (r.filter().channels() != null && !r.filter().channels().contains(v.channel)) {
            return Refusal.of(UnpaidReason.CHANNEL_NOT_COVERED, "channel " + v.channel);
        }
        Refusal institution = institution(c, v);
        if (institution != null) {
            return institution;
        }
        if (c.runOffDays() != null && !claimDate.isBefore(policy.effectiveTo().plusDays(c.runOffDays()))) {
            return Refusal.of(UnpaidReason.RUN_OFF_EXPIRED, "claimed " + claimDate);
        }
        return null;
    }

    /** Whether the settlement is outside the outside-region condition's regions (then its ratios apply). */
    static boolean outsideRegion(Responsibility r, SettlementView v) {
        return !v.invoice && !r.conditions().inRegion(v.settlement.setlinfo().insuplcAdmdvs());
    }

    /**
     * Without an extension, the settlement date must fall in the term; with one, the admission date (the lines after
     * the extension are refused one by one, {@link LineFilters}).
     */
    private static Refusal term(Conditions c, SettlementView v, Policy policy) {
        if (c.admissionExtensionDays() == null) {
            return policy.inForce(v.setlDate)
                    ? null
                    : Refusal.of(UnpaidReason.OUTSIDE_POLICY_TERM, "settled " + v.setlDate);
        }
        return policy.inForce(v.admissionDate())
                ? null
                : Refusal.of(UnpaidReason.ADMISSION_OUTSIDE_TERM, "admitted " + v.admissionDate());
    }

    private static Refusal institution(Conditions c, SettlementView v) {
        if (c.institutionKinds() != null && !c.institutionKinds().contains(v.institutionKind)) {
            return Refusal.of(UnpaidReason.INSTITUTION_KIND_NOT_COVERED, "institution " + v.institutionKind);
        }
        if (c.hospitalLevels() != null && v.institutionKind == InstitutionKind.HOSPITAL) {
            if (v.hospitalLevel == null) {
                return Refusal.of(UnpaidReason.HOSPITAL_LEVEL_UNKNOWN, "hosp_lv");
            }
            if (!c.hospitalLevels().contains(v.hospitalLevel)) {
                return Refusal.of(UnpaidReason.HOSPITAL_LEVEL_NOT_COVERED, "hosp_lv " + v.hospitalLevel);
            }
        }
        if (c.institutionRegions() != null) {
            if (v.institutionRegion == null) {
                return Refusal.of(
                        UnpaidReason.INSTITUTION_REGION_UNKNOWN,
                        "fixmedins_code " + v.settlement.setlinfo().fixmedinsCode());
            }
            if (!Conditions.startsWithAny(v.institutionRegion, c.institutionRegions())) {
                return Refusal.of(UnpaidReason.INSTITUTION_REGION_NOT_COVERED, "institution in " + v.institutionRegion);
            }
        }
        String code = v.settlement.setlinfo().fixmedinsCode();
        if (c.designatedHospitals() != null && !c.designatedHospitals().contains(code)) {
            return Refusal.of(UnpaidReason.HOSPITAL_NOT_DESIGNATED, "fixmedins_code " + code);
        }
        if (c.institutionSets() != null && !inAnySet(v, c)) {
            return Refusal.of(UnpaidReason.INSTITUTION_NOT_IN_SET, "fixmedins_code " + code);
        }
        return null;
    }

    private static boolean inAnySet(SettlementView v, Conditions c) {
        if (v.institution == null) {
            return false;
        }
        for (String set : c.institutionSets()) {
            if (v.institution.inSet(set)) {
                return true;
            }
        }
        return false;
    }
}
