package com.huibao.gateway.domain.settlement;

import com.huibao.gateway.domain.money.Money;
import java.time.LocalDateTime;

/**
 * The {@code setlinfo} header of a basic-insurance settlement, in the national platform's field names. Only the
 * fields that drive the arithmetic are modelled; everything else is kept by adapters as sent.
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
    /* insured region (参保地医保区划); optional, selects the validation profile */
    String insuplcAdmdvs,
    /* hospital level (医院等级, hosp_lv); optional, for responsibilities limited to some levels */
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
}
