package com.huibao.gateway.domain.benefit;

/** Why part of a line's burden stayed with the patient under one policy. */
public enum UnpaidReason {
  /** No responsibility of the plan covers this part (wrong part, med_type, or no list match). */
  NOT_COVERED,
  /** The line's code is on a list, but an entry restriction failed: see the list failure codes. */
  DIAGNOSIS_NOT_COVERED,
  HOSPITAL_NOT_DESIGNATED,
  MED_TYPE_NOT_COVERED,
  ENTRY_NOT_IN_FORCE,
  PREAPPROVAL_MISSING,
  /** The main diagnosis is pre-existing and the responsibility excludes pre-existing conditions. */
  PREEXISTING_EXCLUDED,
  /** Above the list entry's payment standard (支付标准). */
  ABOVE_PAYMENT_STANDARD,
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
  /** The settlement's insured region ({@code insuplc_admdvs}) is not one the responsibility covers. */
  REGION_NOT_COVERED,
  /** The hospital's level ({@code hosp_lv}) is not one the responsibility covers. */
  HOSPITAL_LEVEL_NOT_COVERED,
  /** The claim comes after the run-off period that follows the policy's end. */
  RUN_OFF_EXPIRED
}
