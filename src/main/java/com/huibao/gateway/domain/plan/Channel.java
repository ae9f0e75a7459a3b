package com.huibao.gateway.domain.plan;

import com.huibao.gateway.domain.institution.InstitutionKind;

/** Where the costs were incurred: an inpatient ward, an outpatient department, or a pharmacy. */
public enum Channel {
    INPATIENT,
    OUTPATIENT,
    PHARMACY;

    /**
     * The channel of a settlement: a pharmacy (by the institution's kind, or {@code med_type} 41 定点药店购药), an
     * inpatient stay ({@code med_type} 2x, or 52 生育住院), else an outpatient visit.
     */
    public static Channel of(String medType, InstitutionKind institutionKind) {
        if (institutionKind == InstitutionKind.PHARMACY || "41".equals(medType)) {
            return PHARMACY;
        }
        if (medType != null && (medType.startsWith("2") || medType.equals("52"))) {
            return INPATIENT;
        }
        return OUTPATIENT;
    }
}
