package com.huibao.gateway.domain.consent;

/** What a patient authorizes an insurer to use their settlement data for (SPEC §1 flow 4). */
public enum Purpose {
    DIRECT_SETTLEMENT,
    QUICK_CLAIM,
    PROACTIVE_CLAIM,
    /** Reading the patient's applications for specialty drugs (特药申请) and deciding them. */
    PRE_AUTHORIZATION
}
