package com.huibao.gateway.domain.coverage;

import com.huibao.gateway.domain.institution.Institution;
import java.time.LocalDate;

/**
 * What list matching needs to know about a fee line and its settlement.
 *
 * @param institution the institution as the registry knows it; null when unknown
 */
public record LineContext(
        String code,
        LocalDate date,
        String mainDiagnosis,
        String fixmedinsCode,
        String medType,
        boolean hasPreapproval,
        Institution institution) {

    public LineContext(
            String code,
            LocalDate date,
            String mainDiagnosis,
            String fixmedinsCode,
            String medType,
            boolean hasPreapproval) {
        this(code, date, mainDiagnosis, fixmedinsCode, medType, hasPreapproval, null);
    }
}
