package com.huibao.gateway.domain.plan;

import com.huibao.gateway.domain.money.Money;
import java.util.List;

/**
 * A deductible shared by the responsibilities that name it, consumed across the policy year. {@code tiers} lower it
 * for policies with enough claim-free years (e.g. 12,000 → 11,000 after two, 10,000 after three); a policy may also
 * carry its own amount, which wins.
 */
public record DeductiblePool(String id, Money amount, List<Tier> tiers) {

  /** From {@code claimFreeYears} claim-free years on, the deductible is {@code amount}. */
  public record Tier(int claimFreeYears, Money amount) {
  }

  public DeductiblePool {
    tiers = tiers == null ? List.of() : List.copyOf(tiers);
  }

  public DeductiblePool(String id, Money amount) {
    this(id, amount, List.of());
  }

  /** The amount for a policy with that many claim-free years (null = unknown: the base amount). */
  public Money amountFor(Integer claimFreeYears) {
    Money best = amount;
    int bestYears = -1;
    if (claimFreeYears != null) {
      for (Tier t : tiers) {
        if (t.claimFreeYears() <= claimFreeYears && t.claimFreeYears() > bestYears) {
          best = t.amount();
          bestYears = t.claimFreeYears();
        }
      }
    }
    return best;
  }
}
