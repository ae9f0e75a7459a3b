package com.huibao.gateway.domain.claim;

import com.huibao.gateway.domain.money.Money;

/**
 * A claim of a confirmed direct settlement as stored, with its state and what its insurer remitted to the hospital
 * on it so far (payment batches).
 */
public record SettledClaim(
        String claimId,
        String policyNo,
        String insurerId,
        ClaimState state,
        Money payout,
        Money paysHospital,
        Money paysPatient,
        Money remitted) {

    /** A claim nothing was remitted on yet. */
    public SettledClaim(
            String claimId,
            String policyNo,
            String insurerId,
            ClaimState state,
            Money payout,
            Money paysHospital,
            Money paysPatient) {
        this(claimId, policyNo, insurerId, state, payout, paysHospital, paysPatient, Money.ZERO);
    }

    /** The same claim in another state, if {@link ClaimState} allows the move. */
    public SettledClaim movedTo(ClaimState target) {
        if (!state.canMoveTo(target)) {
            throw new IllegalStateException("claim " + claimId + " cannot move from " + state + " to " + target);
        }
        return new SettledClaim(claimId, policyNo, insurerId, target, payout, paysHospital, paysPatient, remitted);
    }
}
