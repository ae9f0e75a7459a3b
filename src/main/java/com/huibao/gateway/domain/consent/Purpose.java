package com.huibao.gateway.domain.consent;

/** What a patient authorizes an insurer to use their settlement data for (SPEC §1 flow 4). */
public enum Purpose {
    DIRECT_SETTLEMENT,
    QUICK_CLAIM,
    PROACTIVE_CLAIM
}
