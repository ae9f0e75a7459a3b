package com.huibao.gateway.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import java.util.List;

/**
 * Reads the reversal message a hospital may post with a reversal (冲正): a 2208/2305 reversal output as the
 * platform answered it (negative amounts, {@code null}s), inside a bundle, or the flat shape. A reversal is matched
 * by {@code setl_id}, never by amounts: its {@code setlinfo.setl_id} must be the one reversed; its amounts, where
 * sent, must not be positive (a settlement posted by mistake is not a reversal). Its institution, where sent, is
 * returned for the caller to check.
 */
public final class ReversalReader {
    /** What the gateway keeps of a reversal message. */
    public record ReversalMessage(String setlId, String infno, String msgid, String fixmedinsCode) {}

    private ReversalReader() {}

    public static ReversalMessage read(JsonNode doc, String setlId) {
        Fields f = new Fields();
        if (!doc.isObject()) {
            f.add("", "INVALID_TYPE", "a reversal message must be a JSON object");
            throw InvalidDocumentException.inconsistent(f.violations);
        }
        SettlementReader.Message m = new SettlementReader.Message(doc, true);
        JsonNode h = m.section("setlinfo");
        if (h == null || !h.isObject()) {
            f.add(
                    "setlinfo",
                    "REQUIRED",
                    "setlinfo is required: the reversal names the settlement by setlinfo.setl_id");
            throw InvalidDocumentException.inconsistent(f.violations);
        }
        String id = DialectFields.firstText(h, List.of("setl_id"));
        if (id == null) {
            f.add("setlinfo.setl_id", "REQUIRED", "setlinfo.setl_id is required");
        } else if (!id.equals(setlId)) {
            f.add(
                    "setlinfo.setl_id",
                    "SETL_ID_MISMATCH",
                    "setlinfo.setl_id " + id + " is not the settlement reversed, " + setlId);
        }
        for (String amount : List.of("medfee_sumamt", "psn_part_amt", "fund_pay_sumamt")) {
            JsonNode v = h.get(amount);
            if (v != null && (v.isNumber() || v.isTextual() && !v.asText().isBlank())) {
                try {
                    if ((v.isNumber()
                                    ? Money.of(v.decimalValue())
                                    : Money.parse(v.asText().trim()))
                            .isPositive()) {
                        f.add(
                                "setlinfo." + amount,
                                "REVERSAL_NOT_NEGATIVE",
                                "setlinfo." + amount + " is positive: a reversal "
                                        + "output carries the settlement's amounts negated");
                    }
                } catch (RuntimeException e) {
                    f.add("setlinfo." + amount, "INVALID_AMOUNT", "setlinfo." + amount + " is not an amount");
                }
            }
        }
        String institution = DialectFields.firstText(h, List.of("fixmedins_code"));
        if (institution == null) {
            institution = DialectFields.firstText(doc, List.of("fixmedins_code"));
        }
        if (!f.ok()) {
            throw InvalidDocumentException.inconsistent(f.violations);
        }
        return new ReversalMessage(
                id,
                DialectFields.firstText(doc, List.of("infno")),
                DialectFields.firstText(doc, List.of("msgid")),
                institution);
    }
}
