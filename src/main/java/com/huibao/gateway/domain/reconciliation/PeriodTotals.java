package com.huibao.gateway.domain.reconciliation;

import com.huibao.gateway.domain.money.Money;
import java.util.List;

/**
 * A hospital's totals over a period (对总账, as the national 3201 reconciles): the number of settlements and the sums
 * of the patient's burden, what the insurers pay the hospital and what the patient paid in cash. With refunds
 * included ({@code refd_setl_flag} 1) a reversed settlement counts twice (the settlement and its reversal, whose
 * amounts cancel); without, only the settlements still standing count. The sums are the same either way.
 */
public record PeriodTotals(long setlCnt, Money psnPartAmt, Money insurerPaysHospital, Money patientCashDue) {

    public static PeriodTotals of(List<SettlementFigure> settlements, boolean refundsIncluded) {
        long count = 0;
        Money psn = Money.ZERO;
        Money insurers = Money.ZERO;
        Money cash = Money.ZERO;
        for (SettlementFigure s : settlements) {
            if (s.reversed()) {
                count += refundsIncluded ? 2 : 0;
                continue;
            }
            count++;
            psn = psn.plus(s.psnPartAmt());
            insurers = insurers.plus(s.insurerPaysHospital());
            cash = cash.plus(s.patientCashDue());
        }
        return new PeriodTotals(count, psn, insurers, cash);
    }
}
