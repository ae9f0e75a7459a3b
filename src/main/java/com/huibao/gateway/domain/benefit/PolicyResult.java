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
    List<LineOutcome> lines,
    Accumulators before,
    Accumulators delta,
    Accumulators after) {

  public PolicyResult {
    responsibilities = List.copyOf(responsibilities);
    lines = List.copyOf(lines);
  }

  public boolean pays() {
    return payout.isPositive();
  }
}
