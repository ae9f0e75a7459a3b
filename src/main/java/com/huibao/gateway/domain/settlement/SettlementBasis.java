package com.huibao.gateway.domain.settlement;

/** Who settled the costs first: the basic medical insurance, or nobody (an invoice the patient paid in full). */
public enum SettlementBasis {
    BASIC_INSURANCE,
    INVOICE
}
