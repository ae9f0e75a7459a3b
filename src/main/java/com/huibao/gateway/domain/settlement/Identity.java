package com.huibao.gateway.domain.settlement;

/** The sum identities of SPEC §2; a validation profile is a named subset of them. */
public enum Identity {
    /** {@code det_item_fee_sumamt = fulamt_ownpay_amt + overlmt_amt + preselfpay_amt + inscp_scp_amt} per line. */
    LINE_SUM,
    /** header {@code medfee_sumamt} = Σ line {@code det_item_fee_sumamt}. */
    HEADER_MEDFEE_SUMAMT,
    /** header {@code fulamt_ownpay_amt} = Σ line {@code fulamt_ownpay_amt}. */
    HEADER_FULAMT_OWNPAY_AMT,
    /** header {@code overlmt_selfpay} = Σ line {@code overlmt_amt}. */
    HEADER_OVERLMT_SELFPAY,
    /** header {@code preselfpay_amt} = Σ line {@code preselfpay_amt}. */
    HEADER_PRESELFPAY_AMT,
    /** header {@code inscp_scp_amt} = Σ line {@code inscp_scp_amt}. */
    HEADER_INSCP_SCP_AMT,
    /** {@code medfee_sumamt = fund_pay_sumamt + psn_part_amt + hosp_part_amt}. */
    MEDFEE_SPLIT,
    /** {@code psn_part_amt = acct_pay + psn_cash_pay}. */
    PSN_PART_SPLIT,
    /** {@code fund_pay_sumamt ≤ inscp_scp_amt}, less compensation from elsewhere inside the fund (fund rows). */
    FUND_WITHIN_SCOPE,
    /**
     * When {@code setldetail} is sent: its basic and other-compensation rows add up to {@code fund_pay_sumamt}, its
     * hospital rows (if any) to {@code hosp_part_amt}, its personal-account rows (if any) to {@code acct_pay}.
     */
    SETLDETAIL_FUNDS
}
