package com.huibao.gateway.domain.institution;

/** A designated medical institution (定点医疗机构) or a designated retail pharmacy (定点零售药店). */
public enum InstitutionKind {
    HOSPITAL,
    PHARMACY
}
