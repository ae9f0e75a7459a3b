package com.huibao.gateway.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.huibao.gateway.app.port.SettlementParser;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.settlement.Diagnosis;
import com.huibao.gateway.domain.settlement.FeeLine;
import com.huibao.gateway.domain.settlement.FundKind;
import com.huibao.gateway.domain.settlement.FundPayment;
import com.huibao.gateway.domain.settlement.LineFacts;
import com.huibao.gateway.domain.settlement.MessageKind;
import com.huibao.gateway.domain.settlement.OtherCompensation;
import com.huibao.gateway.domain.settlement.Provenance;
import com.huibao.gateway.domain.settlement.SetlInfo;
import com.huibao.gateway.domain.settlement.Settlement;
import com.huibao.gateway.domain.settlement.SettlementBasis;
import com.huibao.gateway.domain.settlement.SettlementValidator;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The one reader of settlements: both spellings map to the one domain {@link Settlement}, and nothing downstream
 * knows which came in (docs/SETTLEMENTS.md).
 * <ul>
 *   <li>The <b>flat document</b> of the gateway's examples: {@code setlinfo}, {@code diseinfo}, {@code feedetail}.
 *       What keeps it from being read is a malformed document (400).</li>
 *   <li>The <b>national bundle</b>, recognised by {@code infno} (or a platform answer's {@code output}): the
 *       request envelope ({@code infno}, {@code msgid}, {@code fixmedins_code}, {@code fixmedins_name},
 *       {@code insuplc_admdvs}, {@code mdtrtarea_admvs}), the 2207/2304 (or 5203, 5261/5262) {@code setlinfo} and
 *       {@code setldetail}, the fee lines as the HIS holds them and {@code diseinfo}, spelled as the insured region's
 *       profile says. Anything that keeps a message from being a settlement is a 422 naming each field, and the
 *       header's identities are checked even when its lines are missing.</li>
 * </ul>
 * A settlement without {@code fixmedins_code} is the caller's ({@code defaultInstitution}); a code in both
 * {@code setlinfo} and the envelope must agree.
 */
public final class SettlementReader implements SettlementParser {
    private static final List<String> REGION_SOURCES =
            List.of("insuplc_admdvs", "insu_admdvs", "mdtrtarea_admvs", "clr_optins");

    private final Dialects dialects;
    private final SettlementValidator validator;

    public SettlementReader(Dialects dialects) {
        this.dialects = dialects;
        this.validator = new SettlementValidator(dialects.validationProfiles());
    }

    public Dialects dialects() {
        return dialects;
    }

    @Override
    public Settlement parse(String document, String defaultInstitution) {
        return read(Json.parse(document), defaultInstitution);
    }

    @Override
    public Settlement parseRefunded(String document, List<String> refunds, String defaultInstitution) {
        JsonNode doc = Json.parse(document);
        if (ReceiptReader.isReceipt(doc)) {
            doc = ReceiptReader.toFlat(doc, defaultInstitution);
        }
        List<JsonNode> parsed = new ArrayList<>();
        refunds.forEach(r -> parsed.add(Json.parse(r)));
        return read(RefundComposer.compose(doc, parsed), defaultInstitution);
    }

    /** Whether a document is a national message (bundle or platform answer) rather than the flat document. */
    public static boolean isNational(JsonNode doc) {
        return doc.isObject() && (doc.has("infno") || doc.path("output").isObject());
    }

    /**
     * @param defaultInstitution the {@code fixmedins_code} when the document has none (the calling hospital's); null
     *                           when the caller has none to give
     */
    public Settlement read(JsonNode doc, String defaultInstitution) {
        Fields f = new Fields();
        if (!doc.isObject()) {
            f.add("", "INVALID_TYPE", "a settlement must be a JSON object");
            throw InvalidDocumentException.malformed(f.violations);
        }
        boolean receipt = ReceiptReader.isReceipt(doc);
        if (receipt) {
            doc = ReceiptReader.toFlat(doc, defaultInstitution);
        }
        boolean national = isNational(doc);
        Message m = new Message(doc, national);
        if (national) {
            platformAnswer(f, doc);
        }
        JsonNode h = m.section("setlinfo");
        if (h == null || !h.isObject()) {
            f.add(
                    "setlinfo",
                    h == null ? "REQUIRED" : "INVALID_TYPE",
                    "setlinfo " + (h == null ? "is required" : "must be an object"));
            throw failure(f, national);
        }
        Dialect d = dialects.forRegion(region(m, h));
        DialectFields df = new DialectFields(f, d);
        String infno = national ? DialectFields.firstText(doc, List.of("infno")) : null;
        SettlementBasis basis = basis(f, doc);
        MessageKind kind = basis == SettlementBasis.INVOICE
                ? MessageKind.INVOICE
                : receipt ? MessageKind.RECEIPT : national ? d.messageKind(infno) : MessageKind.FLAT;
        if (kind == MessageKind.REVERSAL) {
            f.add(
                    "infno",
                    "REVERSAL_NOT_A_SETTLEMENT",
                    "infno " + infno + " is a reversal output: it cancels a "
                            + "settlement; post it to POST /v1/direct-settlements/{setl_id}/reversal");
        }
        List<FeeLine> lines = lines(df, m.section("feedetail"));
        SetlInfo setlinfo =
                new HeaderReader(df, m, h, defaultInstitution, kind == MessageKind.PRE_SETTLEMENT).read(lines);
        List<Diagnosis> diagnoses = diagnoses(df, m.section("diseinfo"), h);
        List<FundPayment> funds = funds(df, m.section("setldetail"));
        List<OtherCompensation> compensation = compensation(f, doc.get("other_compensation"));
        Provenance provenance = new Provenance(
                infno,
                national ? DialectFields.firstText(doc, List.of("msgid")) : null,
                DialectFields.firstText(h, List.of("medins_setl_id")),
                DialectFields.firstText(h, List.of("clr_optins")),
                kind);
        if (!f.ok()) {
            if (national && setlinfo != null && complete(setlinfo)) {
                Money inside = Money.ZERO;
                for (FundPayment fund : funds) {
                    inside = fund.kind() == FundKind.OTHER_COMPENSATION ? inside.plus(fund.amount()) : inside;
                }
                validator.checkHeaderIdentities(d.validation(), setlinfo, inside, f.violations);
            }
            throw failure(f, national);
        }
        return Settlement.of(setlinfo, diagnoses, lines, funds, compensation, provenance, basis);
    }

    private static InvalidDocumentException failure(Fields f, boolean national) {
        return national
                ? InvalidDocumentException.inconsistent(f.violations)
                : InvalidDocumentException.malformed(f.violations);
    }

    /** A platform answer with {@code infcode} other than 0 is a failed call, not a settlement. */
    private static void platformAnswer(Fields f, JsonNode doc) {
        JsonNode code = doc.get("infcode");
        if (code != null
                && !code.isNull()
                && !"0".equals(code.asText().trim())
                && !code.asText().isBlank()) {
            f.add(
                    "infcode",
                    "PLATFORM_ERROR",
                    "the platform answered infcode " + code.asText() + ": "
                            + doc.path("err_msg").asText(""));
        }
    }

    /** The insured region that picks the profile: envelope, setlinfo, then where treated or cleared. */
    private static String region(Message m, JsonNode h) {
        String r = DialectFields.firstText(m.envelope(), List.of("insuplc_admdvs"));
        return r != null ? r : DialectFields.firstText(h, REGION_SOURCES);
    }

    private static boolean complete(SetlInfo h) {
        return h.medfeeSumamt() != null
                && h.fundPaySumamt() != null
                && h.psnPartAmt() != null
                && h.hospPartAmt() != null
                && h.acctPay() != null
                && h.psnCashPay() != null
                && h.inscpScpAmt() != null;
    }

    private static SettlementBasis basis(Fields f, JsonNode doc) {
        SettlementBasis b = Fields.enumValue(f, f.text(doc, "basis", "basis", false), SettlementBasis.class, "basis");
        return b == null ? SettlementBasis.BASIC_INSURANCE : b;
    }

    /** {@code diseinfo}; without it, a main diagnosis in {@code setlinfo.dise_codg} (5261/5262). */
    private static List<Diagnosis> diagnoses(DialectFields df, JsonNode dise, JsonNode h) {
        List<Diagnosis> out = new ArrayList<>();
        if (dise != null && !dise.isNull()) {
            if (!dise.isArray()) {
                return invalid(df, "diseinfo", "diseinfo must be an array", out);
            }
            for (int i = 0; i < dise.size(); i++) {
                String at = "diseinfo[" + i + "].";
                JsonNode d = dise.get(i);
                if (!d.isObject()) {
                    return invalid(df, "diseinfo[" + i + "]", "a diagnosis must be an object", out);
                }
                String code = df.text(d, "diseinfo", "diag_code", at, true);
                String name = df.text(d, "diseinfo", "diag_name", at, false);
                String flag = df.text(d, "diseinfo", "maindiag_flag", at, false);
                out.add(new Diagnosis(code, name, "1".equals(flag)));
            }
        }
        if (out.isEmpty()) {
            String code = DialectFields.firstText(h, List.of("dise_codg"));
            if (code != null) {
                out.add(new Diagnosis(code, DialectFields.firstText(h, List.of("dise_name")), true));
            }
        }
        return out;
    }

    private static <T> List<T> invalid(DialectFields df, String path, String detail, List<T> out) {
        df.fields().add(path, "INVALID_TYPE", detail);
        return out;
    }

    private static List<FundPayment> funds(DialectFields df, JsonNode rows) {
        List<FundPayment> out = new ArrayList<>();
        if (rows == null || rows.isNull()) {
            return out;
        }
        if (!rows.isArray()) {
            return invalid(df, "setldetail", "setldetail must be an array", out);
        }
        for (int i = 0; i < rows.size(); i++) {
            String at = "setldetail[" + i + "].";
            JsonNode r = rows.get(i);
            if (!r.isObject()) {
                return invalid(df, "setldetail[" + i + "]", "a fund row must be an object", out);
            }
            String type = df.text(r, "setldetail", "fund_pay_type", at, true);
            Money amount = df.amount(r, "setldetail", "fund_payamt", at, true);
            if (type != null && amount != null) {
                out.add(new FundPayment(type, amount, df.dialect().fundKind(type)));
            }
        }
        return out;
    }

    private static List<FeeLine> lines(DialectFields df, JsonNode fee) {
        List<FeeLine> out = new ArrayList<>();
        if (fee == null || fee.isNull()) {
            df.fields().add("feedetail", "REQUIRED", "feedetail is required: the fee lines of the settlement");
            return out;
        }
        if (!fee.isArray()) {
            return invalid(df, "feedetail", "feedetail must be an array", out);
        }
        if (fee.isEmpty()) {
            df.fields().add("feedetail", "EMPTY", "feedetail must hold at least one fee line");
        }
        for (int i = 0; i < fee.size(); i++) {
            JsonNode l = fee.get(i);
            if (!l.isObject()) {
                df.fields().add("feedetail[" + i + "]", "INVALID_TYPE", "a fee line must be an object");
                continue;
            }
            FeeLine line = line(df, l, "feedetail[" + i + "].");
            if (line != null) {
                out.add(line);
            }
        }
        return out;
    }

    /** 999999 in {@code pric_uplmt_amt} means "no ceiling". */
    private static final BigDecimal NO_CEILING = new BigDecimal("999999");

    private static FeeLine line(DialectFields df, JsonNode l, String p) {
        String s = "feedetail";
        String sn = df.text(l, s, "feedetl_sn", p, true);
        String code = df.text(l, s, "med_list_codg", p, true);
        String name = df.text(l, s, "medins_list_name", p, false);
        String category = df.text(l, s, "med_chrgitm_type", p, true);
        String level = df.text(l, s, "chrgitm_lv", p, true);
        BigDecimal cnt = df.decimal(l, s, "cnt", p, true);
        BigDecimal pric = df.decimal(l, s, "pric", p, false);
        Money det = df.amount(l, s, "det_item_fee_sumamt", p, true);
        Money ful = df.amount(l, s, "fulamt_ownpay_amt", p, true);
        Money over = df.amount(l, s, "overlmt_amt", p, true);
        Money pre = df.amount(l, s, "preselfpay_amt", p, true);
        Money inscp = df.amount(l, s, "inscp_scp_amt", p, true);
        BigDecimal prop = df.decimal(l, s, "selfpay_prop", p, false);
        String preapproval = df.text(l, s, "preapproval_no", p, false);
        BigDecimal ceiling = df.decimal(l, s, "pric_uplmt_amt", p, false);
        LineFacts facts = new LineFacts(
                df.text(l, s, "init_feedetl_sn", p, false),
                df.dateTime(l, s, "fee_ocur_time", p, false),
                df.text(l, s, "hilist_code", p, false),
                df.text(l, s, "hilist_name", p, false),
                df.text(l, s, "hi_nego_drug_flag", p, false),
                df.text(l, s, "lmt_used_flag", p, false),
                ceiling == null || ceiling.compareTo(NO_CEILING) == 0 ? null : ceiling,
                df.decimal(l, s, "prd_days", p, false));
        if (sn == null
                || code == null
                || cnt == null
                || det == null
                || ful == null
                || over == null
                || pre == null
                || inscp == null) {
            return null;
        }
        return new FeeLine(
                sn, code, name, category, level, cnt, pric, det, ful, over, pre, inscp, prop, preapproval, facts);
    }

    /** {@code other_compensation}: [{"source": …, "amount": …}] received outside the settlement for its costs. */
    private static List<OtherCompensation> compensation(Fields f, JsonNode c) {
        List<OtherCompensation> out = new ArrayList<>();
        if (c == null || c.isNull()) {
            return out;
        }
        if (!c.isArray()) {
            f.add("other_compensation", "INVALID_TYPE", "other_compensation must be an array of {source, amount}");
            return out;
        }
        for (int i = 0; i < c.size(); i++) {
            String at = "other_compensation[" + i + "].";
            JsonNode e = c.get(i);
            if (!e.isObject()) {
                f.add("other_compensation[" + i + "]", "INVALID_TYPE", "an entry must be an object {source, amount}");
                continue;
            }
            String source = f.text(e, "source", at + "source", true);
            Money amount = f.money(e, "amount", at + "amount", true);
            if (amount != null && amount.isNegative()) {
                f.add(at + "amount", "NEGATIVE_AMOUNT", at + "amount must be ≥ 0");
            } else if (source != null && amount != null) {
                out.add(new OtherCompensation(source, amount));
            }
        }
        return out;
    }

    /** A message's sections: at the top level, or inside a platform answer's {@code output}. */
    public record Message(JsonNode envelope, boolean national) {
        public JsonNode section(String name) {
            JsonNode v = envelope.get(name);
            if ((v == null || v.isNull()) && national && envelope.path("output").isObject()) {
                v = envelope.path("output").get(name);
            }
            return v;
        }
    }
}
