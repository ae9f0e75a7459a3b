package com.huibao.gateway.domain.benefit;

import com.huibao.gateway.domain.money.Money;
import java.math.BigDecimal;
import java.util.Map;

/**
 * One responsibility's part of a claim (SPEC §3.4, §3.6).
 *
 * @param eligible     what it took, less what is not eligible (above a payment standard, beyond a days' supply):
 *                     of the costs for {@code min_of_own_and_remaining}, else of what was left to pay
 * @param deductible   the deductible drawn from its pool
 * @param ratio        the ratio applied (pre-existing, outside-region, invoice or not); null when pre-existing
 *                     conditions are excluded
 * @param cappedBy     what cut the payable below the ratio's amount (a cap, or compensation from elsewhere), or null
 * @param compensation compensation from elsewhere on the costs it took (other policies, funds, declared): zero
 *                     when none
 * @param ownAmount    for {@code min_of_own_and_remaining}: the benefit's own amount on the costs; else null
 * @param shares       the payable split over lines; {@link #lines()} sums to {@code payable}
 */
public record ResponsibilityResult(
        String id,
        Money eligible,
        Money deductible,
        BigDecimal ratio,
        Money payable,
        String cappedBy,
        LineShares shares,
        Money compensation,
        Money ownAmount) {

    /** Non-zero payable shares by {@code feedetl_sn}, in line order. */
    public Map<String, Money> lines() {
        return shares.asMap();
    }
}
