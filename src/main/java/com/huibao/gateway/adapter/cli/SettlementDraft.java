package com.huibao.gateway.adapter.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.domain.money.Money;

/**
 * A made-up flat settlement document being written: lines first, then the header that adds them up, so that its
 * sum identities hold. Used by {@code synthesize-year} and by the benchmarks' generator (the test harness), which
 * differ only in the lines and identities they make up. Amounts in fen.
 */
public final class SettlementDraft {
    private final ObjectNode doc = Json.object();
    private final ObjectNode header;
    private final ArrayNode lines;
    private long fee;
    private long ful;
    private long over;
    private long pre;
    private long inScope;

    /** A settlement with one main diagnosis. */
    public SettlementDraft(String diag, String diagName) {
        header = doc.putObject("setlinfo");
        doc.putArray("diseinfo")
                .addObject()
                .put("diag_code", diag)
                .put("diag_name", diagName)
                .put("maindiag_flag", "1");
        lines = doc.putArray("feedetail");
    }

    /**
     * The next line ({@code feedetl_sn} its number): {@code det} in all, of which {@code own} fully self-paid,
     * {@code overLimit} over the limit, {@code preSelf} first self-paid, the rest in scope; returned to add fields to.
     */
    public ObjectNode line(
            String code,
            String name,
            String level,
            long det,
            long own,
            long overLimit,
            long preSelf,
            String selfpayProp) {
        long in = det - own - overLimit - preSelf;
        fee += det;
        ful += own;
        over += overLimit;
        pre += preSelf;
        inScope += in;
        String sn = String.valueOf(lines.size() + 1);
        return lines.addObject()
                .put("feedetl_sn", sn)
                .put("med_list_codg", code)
                .put("medins_list_name", name)
                .put("med_chrgitm_type", "09")
                .put("chrgitm_lv", level)
                .put("cnt", 1)
                .put("pric", money(det))
                .put("det_item_fee_sumamt", money(det))
                .put("fulamt_ownpay_amt", money(own))
                .put("overlmt_amt", money(overLimit))
                .put("preselfpay_amt", money(preSelf))
                .put("inscp_scp_amt", money(in))
                .put("selfpay_prop", selfpayProp);
    }

    /** The lines' amounts in scope so far. */
    public long inScope() {
        return inScope;
    }

    /** The lines' total so far. */
    public long fee() {
        return fee;
    }

    /** Who settled what and when. */
    public record Identity(
            String setlId, String psnNo, String certno, String psnName, String medType, String setlTime) {}

    /**
     * The document, its header written from the lines: the fund pays {@code fund}, the patient the rest of the fee, of
     * which {@code acct} from the personal account and the rest in cash.
     */
    public ObjectNode finish(Identity who, long fund, long acct) {
        long psn = fee - fund;
        header.put("setl_id", who.setlId())
                .put("mdtrt_id", "M" + who.setlId())
                .put("psn_no", who.psnNo())
                .put("psn_cert_type", "01")
                .put("certno", who.certno())
                .put("psn_name", who.psnName())
                .put("insutype", "310")
                .put("med_type", who.medType())
                .put("setl_time", who.setlTime())
                .put("fixmedins_code", "H31010100001")
                .put("fixmedins_name", "示例医院")
                .put("medfee_sumamt", money(fee))
                .put("fulamt_ownpay_amt", money(ful))
                .put("overlmt_selfpay", money(over))
                .put("preselfpay_amt", money(pre))
                .put("inscp_scp_amt", money(inScope))
                .put("act_pay_dedc", "0.00")
                .put("hifp_pay", money(fund))
                .put("hifmi_pay", "0.00")
                .put("hifob_pay", "0.00")
                .put("maf_pay", "0.00")
                .put("cvlserv_pay", "0.00")
                .put("oth_pay", "0.00")
                .put("fund_pay_sumamt", money(fund))
                .put("psn_part_amt", money(psn))
                .put("acct_pay", money(acct))
                .put("psn_cash_pay", money(psn - acct))
                .put("hosp_part_amt", "0.00");
        return doc;
    }

    private static String money(long fen) {
        return Money.ofFen(fen).toString();
    }
}
