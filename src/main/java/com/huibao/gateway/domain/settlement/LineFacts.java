package com.huibao.gateway.domain.settlement;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * The facts of a fee line that plans need beyond its amounts, as the national messages carry them (all optional).
 *
 * @param initFeedetlSn  on a refund line (退费): the {@code feedetl_sn} of the line it refunds
 * @param feeOcurTime    when the cost arose ({@code fee_ocur_time}), Beijing wall time
 * @param hilistCode     the national catalogue code ({@code hilist_code})
 * @param hilistName     the national catalogue name: for a drug its generic name (通用名)
 * @param hiNegoDrugFlag {@code hi_nego_drug_flag}: "1" for a nationally negotiated drug
 * @param lmtUsedFlag    {@code lmt_used_flag}: "1" when a restricted-use item was used within its restriction
 * @param pricUplmtAmt   the price ceiling per unit ({@code pric_uplmt_amt}); null when none (999999 reads as none)
 * @param prdDays        days' supply of a drug line ({@code prd_days}); null when not sent
 */
public record LineFacts(
        String initFeedetlSn,
        LocalDateTime feeOcurTime,
        String hilistCode,
        String hilistName,
        String hiNegoDrugFlag,
        String lmtUsedFlag,
        BigDecimal pricUplmtAmt,
        BigDecimal prdDays) {

    public static final LineFacts NONE = new LineFacts(null, null, null, null, null, null, null, null);

    /** Whether this line refunds another ({@code init_feedetl_sn} set). */
    public boolean isRefund() {
        return initFeedetlSn != null && !initFeedetlSn.isBlank();
    }
}
