package com.huibao.gateway.domain.coverage;

import java.time.LocalDate;

/** What list matching needs to know about a fee line and its settlement. */
public record LineContext(
    String code,
    LocalDate date,
    String mainDiagnosis,
    String fixmedinsCode,
    String medType,
    boolean hasPreapproval) {
}
