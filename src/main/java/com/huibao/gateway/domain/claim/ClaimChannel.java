package com.huibao.gateway.domain.claim;

import com.huibao.gateway.domain.consent.Purpose;

/**
 * How a claim came about: at the hospital counter (直赔), asked for by the insurer (快赔), or made by the gateway when
 * the settlement arrived (主动赔). Each needs the patient's authorization for the purpose of the same name.
 */
public enum ClaimChannel {
    DIRECT_SETTLEMENT,
    QUICK_CLAIM,
    PROACTIVE_CLAIM;

    public Purpose purpose() {
        return Purpose.valueOf(name());
    }
}
