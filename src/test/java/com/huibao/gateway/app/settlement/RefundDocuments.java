package com.huibao.gateway.app.settlement;

/**
 * Partial refunds of the worked inpatient example ({@code settlement-inpatient-1.json}) as the hospital posts them;
 * {@code %d} makes the refund line's own number.
 */
final class RefundDocuments {
    private RefundDocuments() {}

    /** One box of the out-of-catalogue drug (line 4, all self-paid). */
    static final String OUT_OF_LIST = "{\"setlinfo\":{\"medfee_sumamt\":\"-1000.00\",\"fulamt_ownpay_amt\":"
            + "\"-1000.00\",\"psn_part_amt\":\"-1000.00\",\"psn_cash_pay\":\"-1000.00\"},\"feedetail\":[{\"feedetl_sn\":"
            + "\"R%d\",\"init_feedetl_sn\":\"4\",\"med_list_codg\":\"XL01XX0000000000000000\",\"med_chrgitm_type\":\"09\","
            + "\"chrgitm_lv\":\"03\",\"cnt\":-1,\"pric\":\"1000.00\",\"det_item_fee_sumamt\":\"-1000.00\","
            + "\"fulamt_ownpay_amt\":\"-1000.00\",\"overlmt_amt\":\"0.00\",\"preselfpay_amt\":\"0.00\","
            + "\"inscp_scp_amt\":\"0.00\",\"selfpay_prop\":\"1.00\"}]}";

    /** One box of the specialty drug (line 2: 500.00 first self-pay, 4,500.00 in scope, the fund paid 3,600.00). */
    static final String SPECIALTY = "{\"setlinfo\":{\"medfee_sumamt\":\"-5000.00\",\"preselfpay_amt\":"
            + "\"-500.00\",\"inscp_scp_amt\":\"-4500.00\",\"hifp_pay\":\"-3600.00\",\"fund_pay_sumamt\":\"-3600.00\","
            + "\"psn_part_amt\":\"-1400.00\",\"psn_cash_pay\":\"-1400.00\"},\"feedetail\":[{\"feedetl_sn\":\"R%d\","
            + "\"init_feedetl_sn\":\"2\",\"med_list_codg\":\"XL01XEA147A001010181836\",\"med_chrgitm_type\":\"09\","
            + "\"chrgitm_lv\":\"02\",\"cnt\":-1,\"pric\":\"5000.00\",\"det_item_fee_sumamt\":\"-5000.00\","
            + "\"fulamt_ownpay_amt\":\"0.00\",\"overlmt_amt\":\"0.00\",\"preselfpay_amt\":\"-500.00\","
            + "\"inscp_scp_amt\":\"-4500.00\",\"selfpay_prop\":\"0.10\",\"preapproval_no\":\"TY2026-000123\"}]}";
}
