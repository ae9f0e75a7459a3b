package com.huibao.gateway.domain.pricing;

import com.huibao.gateway.domain.money.Money;
import java.util.List;
import java.util.Map;

/**
 * One settlement of a member priced under one candidate plan: the member's burden on it, what the plan pays, by
 * benefit, and the limits that stopped a benefit paying more ({@code BENEFIT:cap}, e.g. {@code CAR_T:annual_cap}).
 */
public record PricedClaim(
        String setlId,
        String person,
        Money burden,
        Money payout,
        Map<String, Money> byBenefit,
        List<String> capsBitten) {
    public PricedClaim {
        byBenefit = Map.copyOf(byBenefit);
        capsBitten = List.copyOf(capsBitten);
    }
}
