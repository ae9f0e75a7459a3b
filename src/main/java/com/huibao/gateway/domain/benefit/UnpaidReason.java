package com.huibao.gateway.domain.benefit;

/** Why part of a line's burden stayed with the patient under one policy (docs/PLANS.md, "Reasons"). */
public enum UnpaidReason {
    /** No responsibility of the plan covers this part (wrong part, med_type, or no list match). */
    NOT_COVERED,
    /** The line's code is on a list, but an entry restriction failed: see the list failure codes. */
    DIAGNOSIS_NOT_COVERED,
    HOSPITAL_NOT_DESIGNATED,
    MED_TYPE_NOT_COVERED,
    ENTRY_NOT_IN_FORCE,
    PREAPPROVAL_MISSING,
    /** The institution is not in a set the list entry or the responsibility names (e.g. CAR-T certified). */
    INSTITUTION_NOT_IN_SET,
    /** The main diagnosis is pre-existing and the responsibility excludes pre-existing conditions. */
    PREEXISTING_EXCLUDED,
    /** Above the list entry's payment standard (支付标准). */
    ABOVE_PAYMENT_STANDARD,
    /** The part of a drug line beyond the responsibility's days' supply (e.g. one month). */
    BEYOND_DAYS_SUPPLY,
    DEDUCTIBLE,
    /** The share the ratio leaves to the patient. */
    COINSURANCE,
    ANNUAL_CAP,
    OVERALL_CAP,
    /** The responsibility's per-admission cap ({@code mdtrt_id}). */
    ADMISSION_CAP,
    /** A list entry's annual cap for its code (e.g. one drug ≤ 300,000 a year). */
    CODE_ANNUAL_CAP,
    /** A list entry's annual count (e.g. PET-CT once a year). */
    CODE_ANNUAL_COUNT,
    /** A list entry's per-admission cap (e.g. surgical materials ≤ 200,000 per admission). */
    CODE_ADMISSION_CAP,
    /** A responsibility's sub-limit for a year: per generic name across brands, or over some of its lines. */
    SUB_LIMIT_ANNUAL_CAP,
    /** A responsibility's sub-limit for one admission (e.g. surgical materials ≤ 200,000 per admission). */
    SUB_LIMIT_ADMISSION_CAP,
    /** A responsibility's sub-limit on how many lines it pays (e.g. PET-CT once a year). */
    SUB_LIMIT_COUNT,
    /** The settlement's insured region ({@code insuplc_admdvs}) is not one the responsibility covers. */
    REGION_NOT_COVERED,
    /** The responsibility needs the insured region and neither the settlement nor its profile gives it. */
    REGION_UNKNOWN,
    /** The hospital's level ({@code hosp_lv}) is not one the responsibility covers. */
    HOSPITAL_LEVEL_NOT_COVERED,
    /** The responsibility needs the hospital's level; neither the settlement nor the institution registry has it. */
    HOSPITAL_LEVEL_UNKNOWN,
    /** The institution lies outside the regions the responsibility covers (e.g. a Shanghai hospital). */
    INSTITUTION_REGION_NOT_COVERED,
    /** The responsibility needs where the institution lies, and nothing says it. */
    INSTITUTION_REGION_UNKNOWN,
    /** A hospital where the responsibility wants a pharmacy, or the other way round. */
    INSTITUTION_KIND_NOT_COVERED,
    /** The settlement's channel (inpatient, outpatient, pharmacy) is not one the responsibility covers. */
    CHANNEL_NOT_COVERED,
    /** The line's charge category ({@code med_chrgitm_type}) is not one the responsibility covers (beds, nursing…). */
    CHARGE_CATEGORY_NOT_COVERED,
    /** The line's kind (drug, consumable, service) is not one the responsibility covers. */
    ITEM_KIND_NOT_COVERED,
    /** The settlement date is outside the policy term (and the responsibility has no extension for admissions). */
    OUTSIDE_POLICY_TERM,
    /** An admission begun outside the policy term: the term's extension for open admissions does not apply. */
    ADMISSION_OUTSIDE_TERM,
    /** A cost of an admission begun inside the term, but later than the days covered after the term's end. */
    AFTER_TERM_EXTENSION,
    /** Costs no basic insurance settled (an invoice), which the responsibility does not accept. */
    NOT_SETTLED_BY_BASIC_INSURANCE,
    /** The claim comes after the run-off period that follows the policy's end. */
    RUN_OFF_EXPIRED
}
