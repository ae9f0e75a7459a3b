package com.huibao.gateway.domain.coverage;

import com.huibao.gateway.domain.money.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * One entry of a coverage-list version: a code with its match level, an optional payment standard per unit, an
 * optional window of its own, and restrictions that must all hold for a line to match it (SPEC §3.3).
 *
 * @param diagnosisPrefixes ICD-10 prefixes the main diagnosis must start with; empty = any diagnosis
 * @param hospitals         {@code fixmedins_code} allow-list; empty = any hospital
 * @param medTypes          admissible {@code med_type}s; empty = any
 * @param annualCap         the most a policy pays for this code in a policy year (e.g. one drug ≤ 300,000); null = none
 * @param annualCount       how many lines of this code a policy pays in a year (e.g. PET-CT once); null = any
 * @param admissionCap      the most a policy pays for this code in one admission ({@code mdtrt_id}); null = none
 * @param institutionSets   the institution must belong to one of these named sets of the registry (e.g. the
 *                          hospitals certified for this CAR-T drug); empty = any institution
 */
public record ListEntry(
        String code,
        MatchLevel match,
        String name,
        Money paymentStandard,
        List<String> diagnosisPrefixes,
        List<String> hospitals,
        List<String> medTypes,
        boolean requiresPreapproval,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        Money annualCap,
        Integer annualCount,
        Money admissionCap,
        List<String> institutionSets) {

    public ListEntry {
        diagnosisPrefixes = List.copyOf(diagnosisPrefixes);
        hospitals = List.copyOf(hospitals);
        medTypes = List.copyOf(medTypes);
        institutionSets = institutionSets == null ? List.of() : List.copyOf(institutionSets);
    }

    public ListEntry(
            String code,
            MatchLevel match,
            String name,
            Money paymentStandard,
            List<String> diagnosisPrefixes,
            List<String> hospitals,
            List<String> medTypes,
            boolean requiresPreapproval,
            LocalDate effectiveFrom,
            LocalDate effectiveTo,
            Money annualCap,
            Integer annualCount,
            Money admissionCap) {
        this(
                code,
                match,
                name,
                paymentStandard,
                diagnosisPrefixes,
                hospitals,
                medTypes,
                requiresPreapproval,
                effectiveFrom,
                effectiveTo,
                annualCap,
                annualCount,
                admissionCap,
                List.of());
    }

    public ListEntry(
            String code,
            MatchLevel match,
            String name,
            Money paymentStandard,
            List<String> diagnosisPrefixes,
            List<String> hospitals,
            List<String> medTypes,
            boolean requiresPreapproval,
            LocalDate effectiveFrom,
            LocalDate effectiveTo) {
        this(
                code,
                match,
                name,
                paymentStandard,
                diagnosisPrefixes,
                hospitals,
                medTypes,
                requiresPreapproval,
                effectiveFrom,
                effectiveTo,
                null,
                null,
                null,
                List.of());
    }

    public boolean hasSubLimits() {
        return annualCap != null || annualCount != null || admissionCap != null;
    }

    /** The first restriction this line context breaks, or {@code null} when the entry applies. */
    public MatchFailure restrictionFailure(LineContext line) {
        if ((effectiveFrom != null && line.date().isBefore(effectiveFrom))
                || (effectiveTo != null && !line.date().isBefore(effectiveTo))) {
            return MatchFailure.ENTRY_NOT_IN_FORCE;
        }
        if (!diagnosisPrefixes.isEmpty() && !startsWithAny(line.mainDiagnosis(), diagnosisPrefixes)) {
            return MatchFailure.DIAGNOSIS_NOT_COVERED;
        }
        if (!hospitals.isEmpty() && !hospitals.contains(line.fixmedinsCode())) {
            return MatchFailure.HOSPITAL_NOT_DESIGNATED;
        }
        if (!medTypes.isEmpty() && !medTypes.contains(line.medType())) {
            return MatchFailure.MED_TYPE_NOT_COVERED;
        }
        if (requiresPreapproval && !line.hasPreapproval()) {
            return MatchFailure.PREAPPROVAL_MISSING;
        }
        if (!institutionSets.isEmpty() && !inAnySet(line)) {
            return MatchFailure.INSTITUTION_NOT_IN_SET;
        }
        return null;
    }

    private boolean inAnySet(LineContext line) {
        if (line.institution() == null) {
            return false;
        }
        for (String set : institutionSets) {
            if (line.institution().inSet(set)) {
                return true;
            }
        }
        return false;
    }

    static boolean startsWithAny(String value, List<String> prefixes) {
        if (value == null) {
            return false;
        }
        for (String p : prefixes) {
            if (value.startsWith(p)) {
                return true;
            }
        }
        return false;
    }
}
