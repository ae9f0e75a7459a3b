package com.huibao.gateway.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.codec.Json;

/** Variants of the worked examples' settlements, for tests that need many. */
public final class Settlements {
    private Settlements() {}

    /** The inpatient example under another {@code setl_id}. */
    public static byte[] inpatient(String setlId) {
        return withId("settlement-inpatient-1.json", setlId);
    }

    public static byte[] outpatient(String setlId) {
        return withId("settlement-outpatient-2.json", setlId);
    }

    public static ObjectNode doc(String example, String setlId) {
        ObjectNode doc = (ObjectNode) Examples.json(example);
        ((ObjectNode) doc.get("setlinfo")).put("setl_id", setlId);
        return doc;
    }

    private static final String ONE_BOX_OF_LINE_4 =
            "{\"refund_id\":\"%s\",\"setlinfo\":{\"medfee_sumamt\":\"-1000.00\","
                    + "\"fulamt_ownpay_amt\":\"-1000.00\",\"psn_part_amt\":\"-1000.00\",\"psn_cash_pay\":\"-1000.00\"},"
                    + "\"feedetail\":[{\"feedetl_sn\":\"%s\",\"init_feedetl_sn\":\"4\",\"med_list_codg\":\"XL01XX0000000000000000\","
                    + "\"medins_list_name\":\"目录外抗肿瘤药\",\"med_chrgitm_type\":\"09\",\"chrgitm_lv\":\"03\",\"cnt\":-1,"
                    + "\"pric\":\"1000.00\",\"det_item_fee_sumamt\":\"-1000.00\",\"fulamt_ownpay_amt\":\"-1000.00\","
                    + "\"overlmt_amt\":\"0.00\",\"preselfpay_amt\":\"0.00\",\"inscp_scp_amt\":\"0.00\",\"selfpay_prop\":\"1.00\"}]}";

    /**
     * The inpatient example's refund of one of the two boxes of its out-of-catalogue drug (line 4, 1,000.00 all
     * self-paid), as the hospital posts it to {@code /refunds}: the basic insurance refunds 1,000.00 of the share.
     */
    public static String refundOneBoxOfLine4(String refundId, String feedetlSn) {
        return ONE_BOX_OF_LINE_4.formatted(refundId, feedetlSn);
    }

    private static byte[] withId(String example, String setlId) {
        return Json.bytes(doc(example, setlId));
    }
}
