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
  OVERALL_CAP
}
