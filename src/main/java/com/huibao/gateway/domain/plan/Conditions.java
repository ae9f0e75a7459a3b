package com.huibao.gateway.domain.plan;

import com.huibao.gateway.domain.institution.InstitutionKind;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * When a responsibility applies to a settlement at all, beyond its {@code med_types}: the insured region of the
 * basic settlement, the institution (its level, where it lies, its kind, the named sets it belongs to), the policy
 * term (an admission begun inside it stays covered some days after its end; a run-off for late claims), and what it
 * pays for settlements of people insured elsewhere or for costs no basic insurance settled (an invoice).
 *
 * @param insuredRegions          {@code insuplc_admdvs} prefixes; null = any region
 * @param outsideRegionRatio      outside {@code insuredRegions}, this ratio instead of a refusal; null = refused
 * @param hospitalLevels          {@code hosp_lv} codes a hospital must have (pharmacies have none); null = any
 * @param designatedHospitals     {@code fixmedins_code}s; null = any
 * @param runOffDays              a claim made on or after {@code effective_to + runOffDays} is refused; null = none
 * @param institutionRegions      prefixes of the administrative division the institution lies in; null = anywhere
 * @param institutionKinds        HOSPITAL, PHARMACY; null = any
 * @param institutionSets         the institution must belong to one of these named sets; null = any
 * @param admissionExtensionDays  an inpatient stay admitted inside the policy term is covered for costs up to this
 *                                many days after the term's end (lines after that are refused); null = the
 *                                settlement date must fall in the term
 * @param invoiceRatio            for costs settled by no basic insurance (an invoice), this ratio; null = refused
 */
public record Conditions(
        List<String> insuredRegions,
        BigDecimal outsideRegionRatio,
        BigDecimal outsideRegionPreexistingRatio,
        List<String> hospitalLevels,
        List<String> designatedHospitals,
        Integer runOffDays,
        List<String> institutionRegions,
        Set<InstitutionKind> institutionKinds,
        List<String> institutionSets,
        Integer admissionExtensionDays,
        BigDecimal invoiceRatio,
        BigDecimal invoicePreexistingRatio) {

    public static final Conditions NONE = new Conditions(null, null, null, null, null, null);

    public Conditions {
        insuredRegions = copy(insuredRegions);
        hospitalLevels = copy(hospitalLevels);
        designatedHospitals = copy(designatedHospitals);
        institutionRegions = copy(institutionRegions);
        institutionKinds = institutionKinds == null ? null : Set.copyOf(institutionKinds);
        institutionSets = copy(institutionSets);
    }

    /** Conditions of region, hospital and run-off only. */
    public Conditions(
            List<String> insuredRegions,
            BigDecimal outsideRegionRatio,
            BigDecimal outsideRegionPreexistingRatio,
            List<String> hospitalLevels,
            List<String> designatedHospitals,
            Integer runOffDays) {
        this(
                insuredRegions,
                outsideRegionRatio,
                outsideRegionPreexistingRatio,
                hospitalLevels,
                designatedHospitals,
                runOffDays,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private static List<String> copy(List<String> l) {
        return l == null ? null : List.copyOf(l);
    }

    /** True when the insured region is one of {@code insuredRegions} (or no region is required). */
    public boolean inRegion(String insuplcAdmdvs) {
        return insuredRegions == null || startsWithAny(insuplcAdmdvs, insuredRegions);
    }

    public static boolean startsWithAny(String value, List<String> prefixes) {
        if (value == null) {
            return false;
        }
        for (String prefix : prefixes) {
            if (value.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
