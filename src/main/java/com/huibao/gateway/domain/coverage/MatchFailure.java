package com.huibao.gateway.domain.coverage;

/** Why a fee line did not match a coverage list; also used as the reason of the unpaid part. */
public enum MatchFailure {
    /** No version of the list is in force on the settlement date. */
    LIST_NOT_IN_FORCE,
    /** No entry's code matches the line's code. */
    NOT_ON_LIST,
    ENTRY_NOT_IN_FORCE,
    DIAGNOSIS_NOT_COVERED,
    HOSPITAL_NOT_DESIGNATED,
    MED_TYPE_NOT_COVERED,
    PREAPPROVAL_MISSING,
    /** The entry names institution sets (e.g. the hospitals certified for one CAR-T drug) the institution is not in. */
    INSTITUTION_NOT_IN_SET
}
