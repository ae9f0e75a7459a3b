package com.huibao.gateway.domain.settlement;

import com.huibao.gateway.domain.money.Money;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * The {@code setlinfo} header of a basic-insurance settlement, in the national platform's field names, as read by
 * the region's profile (aliases mapped, {@code med_type} mapped to the national code, times as Beijing wall time).
 * Only the fields that drive the arithmetic or identify the visit are modelled; adapters keep the document as sent.
 *
 * <p>The amounts the burden rests on ({@code medfee_sumamt}, the four parts, {@code fund_pay_sumamt},
 * {@code psn_part_amt}, {@code acct_pay}, {@code psn_cash_pay}, {@code hosp_part_amt}) are never null. The fund
 * breakdown ({@code act_pay_dedc}, {@code hifp_pay} … {@code oth_pay}) is informational and null when not sent.
 */
public record SetlInfo(
        String setlId,
        String mdtrtId,
        String psnNo,
        String psnCertType,
        String certno,
        String psnName,
        String insutype,
        String medType,
        LocalDateTime setlTime,
        String fixmedinsCode,
        String fixmedinsName,
        /* insured region (参保地医保区划); selects the profile */
        String insuplcAdmdvs,
        /* hospital level (医院等级, hosp_lv); null when not sent: the institution registry may know it */
        String hospLv,
        Money medfeeSumamt,
        Money fulamtOwnpayAmt,
        Money overlmtSelfpay,
        Money preselfpayAmt,
        Money inscpScpAmt,
        Money actPayDedc,
        Money hifpPay,
        Money hifmiPay,
        Money hifobPay,
        Money mafPay,
        Money cvlservPay,
        Money othPay,
        Money fundPaySumamt,
        Money psnPartAmt,
        Money acctPay,
        Money psnCashPay,
        Money hospPartAmt,
        /* where the patient was treated (就医地医保区划); null when not sent */
        String mdtrtareaAdmvs,
        /* admission and discharge dates ({@code begndate}, {@code enddate}); null when not sent */
        LocalDate begndate,
        LocalDate enddate) {

    /** A header without treatment region or admission dates. */
    public SetlInfo(
            String setlId,
            String mdtrtId,
            String psnNo,
            String psnCertType,
            String certno,
            String psnName,
            String insutype,
            String medType,
            LocalDateTime setlTime,
            String fixmedinsCode,
            String fixmedinsName,
            String insuplcAdmdvs,
            String hospLv,
            Money medfeeSumamt,
            Money fulamtOwnpayAmt,
            Money overlmtSelfpay,
            Money preselfpayAmt,
            Money inscpScpAmt,
            Money actPayDedc,
            Money hifpPay,
            Money hifmiPay,
            Money hifobPay,
            Money mafPay,
            Money cvlservPay,
            Money othPay,
            Money fundPaySumamt,
            Money psnPartAmt,
            Money acctPay,
            Money psnCashPay,
            Money hospPartAmt) {
        this(
                setlId,
                mdtrtId,
                psnNo,
                psnCertType,
                certno,
                psnName,
                insutype,
                medType,
                setlTime,
                fixmedinsCode,
                fixmedinsName,
                insuplcAdmdvs,
                hospLv,
                medfeeSumamt,
                fulamtOwnpayAmt,
                overlmtSelfpay,
                preselfpayAmt,
                inscpScpAmt,
                actPayDedc,
                hifpPay,
                hifmiPay,
                hifobPay,
                mafPay,
                cvlservPay,
                othPay,
                fundPaySumamt,
                psnPartAmt,
                acctPay,
                psnCashPay,
                hospPartAmt,
                null,
                null,
                null);
    }
}
