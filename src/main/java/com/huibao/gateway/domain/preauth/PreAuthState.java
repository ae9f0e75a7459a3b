package com.huibao.gateway.domain.preauth;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a pre-authorization (特药申请), enforced here:
 * <pre>
 *   REQUESTED ──approve──▶ APPROVED ──(valid_to passed)──▶ EXPIRED
 *      │  └──deny──▶ DENIED                │
 *      └──withdraw──▶ WITHDRAWN ◀──────────┘ (withdraw)
 * </pre>
 * An APPROVED authorization is consumed by purchases up to its approved quantity within its window; EXPIRED is read
 * from the window (nothing is rewritten at midnight). DENIED, WITHDRAWN and EXPIRED are final.
 */
public enum PreAuthState {
    REQUESTED,
    APPROVED,
    DENIED,
    WITHDRAWN,
    EXPIRED;

    public Set<PreAuthState> next() {
        return switch (this) {
            case REQUESTED -> EnumSet.of(APPROVED, DENIED, WITHDRAWN);
            case APPROVED -> EnumSet.of(WITHDRAWN, EXPIRED);
            default -> EnumSet.noneOf(PreAuthState.class);
        };
    }

    public boolean canMoveTo(PreAuthState target) {
        return next().contains(target);
    }
}
