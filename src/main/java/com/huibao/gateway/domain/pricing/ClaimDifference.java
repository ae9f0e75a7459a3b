package com.huibao.gateway.domain.pricing;

import com.huibao.gateway.domain.money.Money;

/** One claim priced under two plans: what each pays. */
public record ClaimDifference(String setlId, Money first, Money second) {
    /** What the second plan pays more (negative: less). */
    public Money difference() {
        return second.minus(first);
    }
}
