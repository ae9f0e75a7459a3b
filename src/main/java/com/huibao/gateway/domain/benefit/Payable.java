package com.huibao.gateway.domain.benefit;

import com.huibao.gateway.domain.money.CappedSplit;
import com.huibao.gateway.domain.money.LargestRemainder;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A responsibility's payable before sub-limits and caps, under its plan's compensation rule (docs/PLANS.md,
 * "Compensation from elsewhere"): the deductible drawn from its pool (lines in order), the ratio applied once
 * (HALF_UP) and the result split over lines by largest remainder. Writes each line's deductible and split weight
 * into the scratch.
 *
 * @param shares        each line's share
 * @param poolUsed      what the deductible pool gives up
 * @param compensation  what compensation from elsewhere (earlier policies, funds, declared) paid of the costs taken
 * @param own           for {@code min_of_own_and_remaining}: the benefit's own amount on the costs
 * @param eligibleCosts the eligible costs (before compensation)
 * @param cappedBy      {@link CapKind#COMPENSATION} when what was left of the costs was less than the own amount
 */
record Payable(long[] shares, long poolUsed, long compensation, long own, long eligibleCosts, CapKind cappedBy) {

    /**
     * Coordination of benefits: the rule applied to what is left to pay. When what others paid counts toward the
     * deductible, the pool is drawn on the costs ({@code D = min(eligible costs, pool left)}) and the patient meets
     * only what the compensation did not: {@code max(0, D − compensation on the eligible costs)}.
     */
    static Payable onRemaining(
            Scratch s, int n, long poolLeft, BigDecimal ratio, boolean countsTowardDeductible, long compensation) {
        long poolUsed = -1;
        long left = poolLeft;
        long eligibleCosts = 0;
        if (countsTowardDeductible) {
            long onCosts = 0;
            for (int i = 0; i < n; i++) {
                if (s.takes(i)) {
                    eligibleCosts += s.eligibleCosts(i);
                    onCosts += s.eligibleCosts(i) - s.eligible[i];
                }
            }
            poolUsed = Math.min(eligibleCosts, poolLeft);
            left = Math.max(0, poolUsed - onCosts);
        }
        long drawn = 0;
        long sumBase = 0;
        for (int i = 0; i < n; i++) {
            if (s.takes(i)) {
                long d = Math.min(s.eligible[i], left);
                left -= d;
                drawn += d;
                s.deducted[i] = d;
                s.base[i] = s.eligible[i] - d;
                sumBase += s.base[i];
            }
        }
        long uncapped = times(sumBase, ratio);
        long[] shares = LargestRemainder.split(uncapped, s.base, s.remainder, s.order);
        return new Payable(shares, poolUsed < 0 ? drawn : poolUsed, compensation, 0, eligibleCosts, null);
    }

    /**
     * 补偿原则 as 沪惠保 writes it: the smaller of the benefit's own amount on the costs ({@code (eligible costs −
     * deductible) × ratio}, the deductible drawn on the costs) and what compensation from elsewhere left of them; the
     * own amount is split by {@code eligible costs − deductible}, no line above what is left of it.
     */
    static Payable minOfOwnAndRemaining(Scratch s, int n, long poolLeft, BigDecimal ratio, long compensation) {
        long left = poolLeft;
        long sumBase = 0;
        long remaining = 0;
        long eligibleCosts = 0;
        for (int i = 0; i < n; i++) {
            if (s.takes(i)) {
                long d = Math.min(s.eligibleCosts(i), left);
                left -= d;
                s.deducted[i] = d;
                s.base[i] = s.eligibleCosts(i) - d;
                sumBase += s.base[i];
                remaining += s.eligible[i];
                eligibleCosts += s.eligibleCosts(i);
            }
        }
        long own = times(sumBase, ratio);
        long[] shares;
        CapKind cappedBy = null;
        if (own <= remaining) {
            shares = CappedSplit.split(own, s.base, s.eligible);
        } else {
            shares = new long[n];
            for (int i = 0; i < n; i++) {
                shares[i] = s.takes(i) ? s.eligible[i] : 0;
            }
            cappedBy = CapKind.COMPENSATION;
        }
        return new Payable(shares, poolLeft - left, compensation, own, eligibleCosts, cappedBy);
    }

    /** {@code round_half_up(fen × ratio)}: the one rounding step per responsibility; 0 without a ratio. */
    private static long times(long fen, BigDecimal ratio) {
        return ratio == null
                ? 0
                : BigDecimal.valueOf(fen)
                        .multiply(ratio)
                        .setScale(0, RoundingMode.HALF_UP)
                        .longValueExact();
    }
}
