package com.huibao.gateway.domain.payment;

import com.huibao.gateway.domain.claim.ClaimState;
import com.huibao.gateway.domain.money.Money;

/**
 * A claim as a payment sees it: whose it is, its state, what its insurer owes the hospital for it
 * ({@code pays_hospital}), what was remitted on it so far, and the institution that settled it (the payee).
 */
public record PayableClaim(
        String claimId, String insurerId, ClaimState state, Money owed, Money remitted, String payee) {

    /** What is still to be paid to the hospital. */
    public Money outstanding() {
        Money rest = owed.minus(remitted);
        return rest.isNegative() ? Money.ZERO : rest;
    }
}
