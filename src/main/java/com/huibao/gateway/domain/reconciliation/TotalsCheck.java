package com.huibao.gateway.domain.reconciliation;

import com.huibao.gateway.domain.money.Money;
import java.util.ArrayList;
import java.util.List;

/**
 * The hospital's totals against the gateway's: balanced when every figure the hospital sent equals the gateway's
 * (a figure it leaves out is not compared); otherwise each differing figure is named.
 */
public final class TotalsCheck {
    private TotalsCheck() {}

    /** The hospital's figures; a null money figure was not sent. */
    public record Claimed(long setlCnt, Money psnPartAmt, Money insurerPaysHospital, Money patientCashDue) {}

    public record Difference(String field, String theirs, String ours) {}

    public static List<Difference> compare(Claimed theirs, PeriodTotals ours) {
        List<Difference> out = new ArrayList<>();
        if (theirs.setlCnt() != ours.setlCnt()) {
            out.add(new Difference("setl_cnt", Long.toString(theirs.setlCnt()), Long.toString(ours.setlCnt())));
        }
        money(out, "psn_part_amt", theirs.psnPartAmt(), ours.psnPartAmt());
        money(out, "insurer_pays_hospital", theirs.insurerPaysHospital(), ours.insurerPaysHospital());
        money(out, "patient_cash_due", theirs.patientCashDue(), ours.patientCashDue());
        return out;
    }

    private static void money(List<Difference> out, String field, Money theirs, Money ours) {
        if (theirs != null && theirs.compareTo(ours) != 0) {
            out.add(new Difference(field, theirs.toString(), ours.toString()));
        }
    }
}
