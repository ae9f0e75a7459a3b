package com.huibao.gateway.domain.claim;

import com.huibao.gateway.domain.consent.Purpose;

/**
 * How a claim came about: at the hospital counter (直赔), asked for by the insurer (快赔), made by the gateway when
 * the settlement arrived (主动赔), or on an invoice the patient or the insurer submitted (costs no basic insurance
 * settled: overseas drugs, stays of insured elsewhere). Each needs the patient's authorization for its purpose; an
 * invoice claim the insurer submits needs the quick-claim one (the patient submitting one authorizes it themselves).
 */
public enum ClaimChannel {
    DIRECT_SETTLEMENT,
    QUICK_CLAIM,
    PROACTIVE_CLAIM,
    INVOICE_CLAIM;

    public Purpose purpose() {
        return this == INVOICE_CLAIM ? Purpose.QUICK_CLAIM : Purpose.valueOf(name());
    }
}
