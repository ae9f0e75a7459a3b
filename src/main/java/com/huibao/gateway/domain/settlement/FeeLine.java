package com.huibao.gateway.domain.settlement;

import com.huibao.gateway.domain.money.Money;
import java.math.BigDecimal;

/** One {@code feedetail} line of a settlement: its code, charge category, class, quantity, amounts and facts. */
public record FeeLine(
        String feedetlSn,
        String medListCodg,
        String medinsListName,
        String medChrgitmType,
        String chrgitmLv,
        BigDecimal cnt,
        BigDecimal pric,
        Money detItemFeeSumamt,
        Money fulamtOwnpayAmt,
        Money overlmtAmt,
        Money preselfpayAmt,
        Money inscpScpAmt,
        BigDecimal selfpayProp,
        /* 特药/限制使用 pre-approval number; null or blank when none */
        String preapprovalNo,
        LineFacts facts) {

    public FeeLine {
        facts = facts == null ? LineFacts.NONE : facts;
    }

    /** A line without the optional facts. */
    public FeeLine(
            String feedetlSn,
            String medListCodg,
            String medinsListName,
            String medChrgitmType,
            String chrgitmLv,
            BigDecimal cnt,
            BigDecimal pric,
            Money detItemFeeSumamt,
            Money fulamtOwnpayAmt,
            Money overlmtAmt,
            Money preselfpayAmt,
            Money inscpScpAmt,
            BigDecimal selfpayProp,
            String preapprovalNo) {
        this(
                feedetlSn,
                medListCodg,
                medinsListName,
                medChrgitmType,
                chrgitmLv,
                cnt,
                pric,
                detItemFeeSumamt,
                fulamtOwnpayAmt,
                overlmtAmt,
                preselfpayAmt,
                inscpScpAmt,
                selfpayProp,
                preapprovalNo,
                LineFacts.NONE);
    }

    /** {@code fulamt_ownpay_amt + overlmt_amt}: the part outside the insurance catalogue. */
    public Money outOfList() {
        return fulamtOwnpayAmt.plus(overlmtAmt);
    }

    public boolean hasPreapproval() {
        return preapprovalNo != null && !preapprovalNo.isBlank();
    }

    public boolean isRefund() {
        return facts.isRefund();
    }

    /** The same line with other quantity and amounts (refund netting). */
    FeeLine withAmounts(BigDecimal cnt, Money det, Money ful, Money over, Money pre, Money inscp) {
        return new FeeLine(
                feedetlSn,
                medListCodg,
                medinsListName,
                medChrgitmType,
                chrgitmLv,
                cnt,
                pric,
                det,
                ful,
                over,
                pre,
                inscp,
                selfpayProp,
                preapprovalNo,
                facts);
    }
}
