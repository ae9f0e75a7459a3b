package com.huibao.gateway.adapter.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.settlement.Diagnosis;
import com.huibao.gateway.domain.settlement.FeeLine;
import com.huibao.gateway.domain.settlement.SetlInfo;
import com.huibao.gateway.domain.settlement.Settlement;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a settlement in the national platform's field names ({@code setlinfo}, {@code diseinfo}, {@code feedetail}).
 * Fields outside the model are ignored here (the stores keep the document as sent). Every missing field, wrong type
 * or amount with more than 2 decimals is reported at once as a malformed document.
 */
public final class SettlementJson {
  private SettlementJson() {
  }

  public static Settlement read(JsonNode doc) {
    Fields f = new Fields();
    if (!doc.isObject()) {
      f.add("", "INVALID_TYPE", "a settlement must be a JSON object");
      throw InvalidDocumentException.malformed(f.violations);
    }
    JsonNode h = f.object(doc, "setlinfo", "setlinfo");
    SetlInfo setlinfo = h == null ? null : header(f, h, doc);
    List<Diagnosis> diagnoses = new ArrayList<>();
    JsonNode dise = f.array(doc, "diseinfo", "diseinfo", false);
    if (dise != null) {
      for (int i = 0; i < dise.size(); i++) {
        String at = "diseinfo[" + i + "].";
        JsonNode d = dise.get(i);
        if (!d.isObject()) {
          f.add("diseinfo[" + i + "]", "INVALID_TYPE", "a diagnosis must be an object");
          continue;
        }
        String code = f.text(d, "diag_code", at + "diag_code", true);
        String name = f.text(d, "diag_name", at + "diag_name", false);
        String flag = f.text(d, "maindiag_flag", at + "maindiag_flag", false);
        diagnoses.add(new Diagnosis(code, name, "1".equals(flag)));
      }
    }
    List<FeeLine> lines = new ArrayList<>();
    JsonNode fee = f.array(doc, "feedetail", "feedetail", true);
    if (fee != null) {
      if (fee.isEmpty()) {
        f.add("feedetail", "EMPTY", "feedetail must hold at least one fee line");
      }
      for (int i = 0; i < fee.size(); i++) {
        JsonNode l = fee.get(i);
        if (!l.isObject()) {
          f.add("feedetail[" + i + "]", "INVALID_TYPE", "a fee line must be an object");
          continue;
        }
        lines.add(line(f, l, "feedetail[" + i + "]."));
      }
    }
    if (!f.ok()) {
      throw InvalidDocumentException.malformed(f.violations);
    }
    return Settlement.of(setlinfo, diagnoses, lines);
  }

  private static SetlInfo header(Fields f, JsonNode h, JsonNode doc) {
    String p = "setlinfo.";
    String region = f.text(h, "insuplc_admdvs", p + "insuplc_admdvs", false);
    if (region == null) {
      region = f.text(doc, "insuplc_admdvs", "insuplc_admdvs", false);
    }
    return new SetlInfo(
        f.text(h, "setl_id", p + "setl_id", true),
        f.text(h, "mdtrt_id", p + "mdtrt_id", true),
        f.text(h, "psn_no", p + "psn_no", true),
        f.text(h, "psn_cert_type", p + "psn_cert_type", true),
        f.text(h, "certno", p + "certno", true),
        f.text(h, "psn_name", p + "psn_name", true),
        f.text(h, "insutype", p + "insutype", true),
        f.text(h, "med_type", p + "med_type", true),
        f.dateTime(h, "setl_time", p + "setl_time"),
        f.text(h, "fixmedins_code", p + "fixmedins_code", true),
        f.text(h, "fixmedins_name", p + "fixmedins_name", true),
        region,
        f.text(h, "hosp_lv", p + "hosp_lv", false),
        amount(f, h, p, "medfee_sumamt"),
        amount(f, h, p, "fulamt_ownpay_amt"),
        amount(f, h, p, "overlmt_selfpay"),
        amount(f, h, p, "preselfpay_amt"),
        amount(f, h, p, "inscp_scp_amt"),
        amount(f, h, p, "act_pay_dedc"),
        amount(f, h, p, "hifp_pay"),
        amount(f, h, p, "hifmi_pay"),
        amount(f, h, p, "hifob_pay"),
        amount(f, h, p, "maf_pay"),
        amount(f, h, p, "cvlserv_pay"),
        amount(f, h, p, "oth_pay"),
        amount(f, h, p, "fund_pay_sumamt"),
        amount(f, h, p, "psn_part_amt"),
        amount(f, h, p, "acct_pay"),
        amount(f, h, p, "psn_cash_pay"),
        amount(f, h, p, "hosp_part_amt"));
  }

  private static FeeLine line(Fields f, JsonNode l, String p) {
    BigDecimal cnt = f.decimal(l, "cnt", p + "cnt", true);
    return new FeeLine(
        f.text(l, "feedetl_sn", p + "feedetl_sn", true),
        f.text(l, "med_list_codg", p + "med_list_codg", true),
        f.text(l, "medins_list_name", p + "medins_list_name", true),
        f.text(l, "med_chrgitm_type", p + "med_chrgitm_type", true),
        f.text(l, "chrgitm_lv", p + "chrgitm_lv", true),
        cnt,
        f.decimal(l, "pric", p + "pric", true),
        amount(f, l, p, "det_item_fee_sumamt"),
        amount(f, l, p, "fulamt_ownpay_amt"),
        amount(f, l, p, "overlmt_amt"),
        amount(f, l, p, "preselfpay_amt"),
        amount(f, l, p, "inscp_scp_amt"),
        f.decimal(l, "selfpay_prop", p + "selfpay_prop", true),
        f.text(l, "preapproval_no", p + "preapproval_no", false));
  }

  private static Money amount(Fields f, JsonNode node, String prefix, String name) {
    return f.money(node, name, prefix + name, true);
  }
}
