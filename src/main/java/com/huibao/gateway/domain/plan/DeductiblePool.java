package com.huibao.gateway.domain.plan;

import com.huibao.gateway.domain.money.Money;
import java.util.List;

/**
 * A deductible shared by the responsibilities that name it, consumed across the policy year. {@code tiers} lower it
 * for people with enough consecutive claim-free editions (沪惠保: 12,000; 11,000 for two consecutive editions, this
 * one included, with nothing paid in the earlier one; 10,000 for three); a policy may also carry its own amount,
 * which wins.
 */
public record DeductiblePool(String id, Money amount, List<Tier> tiers) {

    /**
     * From {@code claimFreeEditions} consecutive editions (the current one included, nothing paid in the earlier
     * ones) on, the deductible is {@code amount}.
     */
    public record Tier(int claimFreeEditions, Money amount) {}

    public DeductiblePool {
        tiers = tiers == null ? List.of() : List.copyOf(tiers);
    }

    public DeductiblePool(String id, Money amount) {
        this(id, amount, List.of());
    }

    /** The amount for a person with that many consecutive claim-free editions (null = unknown: the base amount). */
    public Money amountFor(Integer claimFreeEditions) {
        Money best = amount;
        int bestEditions = -1;
        if (claimFreeEditions != null) {
            for (Tier t : tiers) {
                if (t.claimFreeEditions() <= claimFreeEditions && t.claimFreeEditions() > bestEditions) {
                    best = t.amount();
                    bestEditions = t.claimFreeEditions();
                }
            }
        }
        return best;
    }
}
