package com.huibao.gateway.domain.claim;

import com.huibao.gateway.domain.benefit.UnpaidReason;
import com.huibao.gateway.domain.money.Money;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the patient's explanation of benefits adds up (GET /v1/me/claims/{id}): the policies' payouts on a settlement,
 * the residual self-pay (the patient's share less those payouts) and why it is left, by reason, adding up to it.
 *
 * <p>Policies pay in coordination-of-benefits order, each on what the ones before it left; so the burden still unpaid
 * after all of them is what the last paying policy left unpaid, and its reasons are the residual's. With no live claim
 * the whole share is {@link UnpaidReason#NOT_COVERED}.
 */
public record ExplanationOfBenefits(Money payoutTotal, Money residualSelfPay, List<Residual> residualReasons) {
    /** One reason and the part of the residual it explains. */
    public record Residual(UnpaidReason reason, Money amount) {}

    /**
     * One of the patient's claims on the settlement.
     *
     * @param live false once reversed: it pays nothing and explains nothing
     * @param unpaid its line outcomes' unpaid amounts summed by reason, in the order the reasons first appear
     */
    public record Share(boolean live, Money payout, Map<UnpaidReason, Money> unpaid) {}

    /** @param shares the patient's claims on the settlement in coordination-of-benefits order */
    public static ExplanationOfBenefits of(Money patientShare, List<Share> shares) {
        Money total = Money.ZERO;
        Share last = null;
        for (Share s : shares) {
            if (s.live()) {
                total = total.plus(s.payout());
                last = s;
            }
        }
        Money residual = patientShare.minus(total);
        Map<UnpaidReason, Money> why =
                last == null ? Map.of(UnpaidReason.NOT_COVERED, residual) : new LinkedHashMap<>(last.unpaid());
        List<Residual> reasons = new ArrayList<>();
        why.forEach((reason, amount) -> {
            if (!amount.isZero()) {
                reasons.add(new Residual(reason, amount));
            }
        });
        reasons.sort(Comparator.comparing(Residual::amount).reversed()); // stable: ties keep their order
        return new ExplanationOfBenefits(total, residual, List.copyOf(reasons));
    }
}
