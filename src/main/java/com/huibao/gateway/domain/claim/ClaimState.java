package com.huibao.gateway.domain.claim;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a claim, enforced here and nowhere else:
 * <pre>
 *   APPROVED ──payment──▶ PAID
 *      │
 *      └──reversal (冲正)──▶ REVERSED
 * </pre>
 * PAID and REVERSED are final: money that left the insurer is recovered outside the gateway, and a reversed
 * settlement is settled again under a new {@code setl_id}.
 */
public enum ClaimState {
    APPROVED,
    PAID,
    REVERSED;

    public Set<ClaimState> next() {
        return this == APPROVED ? EnumSet.of(PAID, REVERSED) : EnumSet.noneOf(ClaimState.class);
    }

    public boolean canMoveTo(ClaimState target) {
        return next().contains(target);
    }
}
