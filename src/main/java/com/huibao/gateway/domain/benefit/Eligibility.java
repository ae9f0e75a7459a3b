package com.huibao.gateway.domain.benefit;

import com.huibao.gateway.domain.coverage.ListEntry;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.plan.ItemKind;
import com.huibao.gateway.domain.plan.Responsibility;
import com.huibao.gateway.domain.settlement.FeeLine;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What of a taken line is eligible: the parts less the excess over the list entry's payment standard
 * ({@code max(0, det_item_fee_sumamt − standard × cnt)}, HALF_UP to the fen) and, for a drug line with more days'
 * supply ({@code prd_days}) than the responsibility allows, the part beyond it (the eligible amount × allowed /
 * supplied days, HALF_UP). Computed both on what is left to pay and on the costs; under
 * {@code min_of_own_and_remaining}, what is left to pay is eligible only as far as the costs' eligible amount
 * exceeds the compensation from elsewhere.
 */
final class Eligibility {
    private Eligibility() {}

    static void of(Responsibility r, SettlementView v, int i, ListEntry entry, Scratch s, boolean minRule) {
        if ((entry == null || entry.paymentStandard() == null) && r.filter().maxDaysSupply() == null && !minRule) {
            return; // all of it is eligible (the scratch says so already): the usual case
        }
        FeeLine line = v.lines.get(i);
        long standardExcess = paymentStandardExcess(entry, line);
        long parts = s.parts[i];
        long costs = s.costs(i);
        s.aboveStandard[i] = Math.min(standardExcess, parts);
        long eligible = parts - s.aboveStandard[i];
        long eligibleCosts = costs - Math.min(standardExcess, costs);
        Integer maxDays = r.filter().maxDaysSupply();
        BigDecimal supplied = line.facts().prdDays();
        if (maxDays != null
                && supplied != null
                && supplied.compareTo(BigDecimal.valueOf(maxDays)) > 0
                && v.kind(i) == ItemKind.DRUG) {
            long kept = withinSupply(eligible, maxDays, supplied);
            s.beyondSupply()[i] = eligible - kept;
            eligible = kept;
            eligibleCosts = withinSupply(eligibleCosts, maxDays, supplied);
        }
        if (minRule) {
            long afterCompensation = Math.max(0, Math.min(eligible, eligibleCosts - (costs - parts)));
            long notEligible = parts - afterCompensation;
            s.aboveStandard[i] = Math.min(notEligible, Math.min(standardExcess, costs));
            s.beyondSupply()[i] = notEligible - s.aboveStandard[i];
            eligible = afterCompensation;
        }
        s.eligible[i] = eligible;
        if (s.eligibleCosts != null) {
            s.eligibleCosts[i] = eligibleCosts;
        }
    }

    private static long withinSupply(long amount, int maxDays, BigDecimal supplied) {
        return BigDecimal.valueOf(amount)
                .multiply(BigDecimal.valueOf(maxDays))
                .divide(supplied, 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /** {@code max(0, det_item_fee_sumamt − standard × cnt)} for the entry that matched, HALF_UP to the fen. */
    private static long paymentStandardExcess(ListEntry entry, FeeLine line) {
        if (entry == null || entry.paymentStandard() == null) {
            return 0;
        }
        BigDecimal ceiling = entry.paymentStandard().value().multiply(line.cnt());
        // the excess is at most the line's own amount; below zero it is none, whatever cnt is (a huge cnt made a
        // ceiling far outside any amount, and rounding the difference into Money failed: found by scripts/fuzz)
        BigDecimal excess = line.detItemFeeSumamt().value().subtract(ceiling);
        return excess.signum() <= 0 ? 0 : Money.roundHalfUp(excess).fen();
    }
}
