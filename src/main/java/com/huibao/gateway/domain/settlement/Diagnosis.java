package com.huibao.gateway.domain.settlement;

/** One {@code diseinfo} entry: an ICD-10 code (national extension) and whether it is the main diagnosis. */
public record Diagnosis(String diagCode, String diagName, boolean main) {}
