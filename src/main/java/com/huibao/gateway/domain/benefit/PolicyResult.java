package com.huibao.gateway.domain.benefit;

import com.huibao.gateway.domain.money.Money;
import java.util.List;

/**
 * One policy's claim: payout, per-responsibility breakdown, per-line outcomes and accumulators before, delta and
 * after. {@code denialReason} is set (and the payout 0) when the policy could not be used for this settlement.
 */
public record PolicyResult(
        String policyNo,
        String planId,
        String insurerId,
        Money payout,
        String denialReason,
        List<ResponsibilityResult> responsibilities,
        LineLedger ledger,
        Accumulators before,
        Accumulators delta) {

    public PolicyResult {
        responsibilities = List.copyOf(responsibilities);
    }

    /** The accumulators once this claim is added: {@code before + delta}. */
    public Accumulators after() {
        return before.plus(delta);
    }

    /** What this policy did with each line, in line order. */
    public List<LineOutcome> lines() {
        return ledger.outcomes();
    }

    public boolean pays() {
        return payout.isPositive();
    }
}
