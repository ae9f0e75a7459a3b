package com.huibao.gateway.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The receipt document: what a designated pharmacy's till or an overseas institution's invoice holds when no
 * basic-insurance settlement took place — the seller, the patient, the time, and items with codes, generic names,
 * quantities, prices and amounts (docs/SETTLEMENTS.md, "Receipts"). Checked here with its own field names
 * ({@code receipt.items[1].amount}), then written as the flat settlement it amounts to: every amount self-paid
 * (outside the catalogue, nothing paid by a fund), so that the plans' rules read it like any other settlement.
 */
public final class ReceiptReader {
    private static final String ZERO = "0.00";

    private ReceiptReader() {}

    public static boolean isReceipt(JsonNode doc) {
        return doc.isObject() && doc.path("receipt").isObject();
    }

    /** The flat settlement of a receipt; {@code basis} and {@code other_compensation} are carried over. */
    static ObjectNode toFlat(JsonNode doc, String defaultInstitution) {
        Fields f = new Fields();
        JsonNode r = doc.get("receipt");
        String at = "receipt.";
        String no = f.text(r, "receipt_no", at + "receipt_no", true);
        String seller = f.text(r, "fixmedins_code", at + "fixmedins_code", false);
        String certType = f.text(r, "psn_cert_type", at + "psn_cert_type", true);
        String certno = f.text(r, "certno", at + "certno", true);
        String time = f.text(r, "time", at + "time", true);
        JsonNode items = f.array(r, "items", at + "items", true);
        ArrayNode lines = Json.MAPPER.createArrayNode();
        Money total = Money.ZERO;
        if (items != null) {
            if (items.isEmpty()) {
                f.add(at + "items", "EMPTY", "a receipt has at least one item");
            }
            for (int i = 0; i < items.size(); i++) {
                String it = at + "items[" + i + "].";
                JsonNode item = items.get(i);
                String code = f.text(item, "code", it + "code", true);
                BigDecimal quantity = f.decimal(item, "quantity", it + "quantity", true);
                BigDecimal price = f.decimal(item, "price", it + "price", true);
                Money amount = f.money(item, "amount", it + "amount", true);
                if (quantity != null && quantity.signum() <= 0) {
                    f.add(it + "quantity", "NOT_POSITIVE", "an item's quantity must be above 0");
                }
                if (quantity != null
                        && price != null
                        && amount != null
                        && quantity.multiply(price)
                                        .setScale(2, RoundingMode.HALF_UP)
                                        .compareTo(amount.value())
                                != 0) {
                    f.add(
                            it + "amount",
                            "AMOUNT_MISMATCH",
                            "amount must be quantity × price to the fen, "
                                    + quantity.multiply(price)
                                            .setScale(2, RoundingMode.HALF_UP)
                                            .toPlainString());
                }
                if (amount == null || code == null) {
                    continue;
                }
                total = total.plus(amount);
                String generic = f.text(item, "generic_name", it + "generic_name", false);
                String name = f.text(item, "name", it + "name", false);
                ObjectNode l = lines.addObject()
                        .put(
                                "feedetl_sn",
                                item.hasNonNull("sn") ? item.get("sn").asText() : String.valueOf(i + 1))
                        .put("med_list_codg", code)
                        .put("medins_list_name", name != null ? name : generic != null ? generic : code)
                        .put("hilist_name", generic)
                        .put("med_chrgitm_type", item.path("charge_category").asText("09"))
                        .put("chrgitm_lv", "03")
                        .put("cnt", quantity == null ? "1" : quantity.toPlainString())
                        .put("pric", price == null ? "0" : price.toPlainString())
                        .put("det_item_fee_sumamt", amount.toString())
                        .put("fulamt_ownpay_amt", amount.toString())
                        .put("overlmt_amt", ZERO)
                        .put("preselfpay_amt", ZERO)
                        .put("inscp_scp_amt", ZERO)
                        .put("selfpay_prop", "1")
                        .put("preapproval_no", f.text(item, "preapproval_no", it + "preapproval_no", false));
                if (item.hasNonNull("days_supply")) {
                    l.put("prd_days", item.get("days_supply").asText());
                }
            }
        }
        if (!f.ok()) {
            throw InvalidDocumentException.inconsistent(f.violations);
        }
        ObjectNode flat = Json.object();
        ObjectNode h = flat.putObject("setlinfo")
                .put("setl_id", no)
                .put("mdtrt_id", no)
                .put("psn_no", "RECEIPT")
                .put("psn_cert_type", certType)
                .put("certno", certno)
                .put("psn_name", r.path("psn_name").asText(""))
                .put("insutype", r.path("insutype").asText("310"))
                .put("med_type", r.path("med_type").asText("41"))
                .put("setl_time", time)
                .put("medfee_sumamt", total.toString())
                .put("fulamt_ownpay_amt", total.toString())
                .put("psn_part_amt", total.toString())
                .put("psn_cash_pay", total.toString());
        for (String zero : new String[] {
            "overlmt_selfpay",
            "preselfpay_amt",
            "inscp_scp_amt",
            "act_pay_dedc",
            "hifp_pay",
            "hifmi_pay",
            "hifob_pay",
            "maf_pay",
            "cvlserv_pay",
            "oth_pay",
            "fund_pay_sumamt",
            "acct_pay",
            "hosp_part_amt"
        }) {
            h.put(zero, ZERO);
        }
        String institution = seller != null ? seller : defaultInstitution;
        if (institution != null) {
            h.put("fixmedins_code", institution);
        }
        if (r.hasNonNull("diagnosis")) {
            flat.putArray("diseinfo")
                    .addObject()
                    .put("diag_code", r.get("diagnosis").asText())
                    .put("maindiag_flag", "1");
        }
        flat.set("feedetail", lines);
        if (doc.has("basis")) {
            flat.set("basis", doc.get("basis"));
        }
        if (doc.has("other_compensation")) {
            flat.set("other_compensation", doc.get("other_compensation"));
        }
        return flat;
    }
}
