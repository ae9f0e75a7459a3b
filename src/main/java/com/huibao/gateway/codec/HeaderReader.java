package com.huibao.gateway.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.settlement.FeeLine;
import com.huibao.gateway.domain.settlement.SetlInfo;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Reads {@code setlinfo} with the envelope beside it (docs/SETTLEMENTS.md "Reading a message"): the institution
 * from {@code setlinfo}, else the envelope, else the caller; the insured region and the treatment region from the
 * envelope, else {@code setlinfo}; {@code med_type} mapped to the national code. Amounts the burden rests on and a
 * message does not carry are derived where the identities allow: {@code inscp_scp_amt = medfee − ful − over − pre},
 * {@code psn_part_amt = acct + cash}, {@code psn_cash_pay = psn − acct}, {@code acct_pay = psn − cash} (else 0),
 * {@code hosp_part_amt} 0, and the header's parts as the lines' sums.
 */
final class HeaderReader {
    private static final String S = "setlinfo";
    private static final String P = "setlinfo.";

    private final DialectFields df;
    private final SettlementReader.Message m;
    private final JsonNode h;
    private final String defaultInstitution;
    private final boolean preSettlement;

    HeaderReader(
            DialectFields df,
            SettlementReader.Message m,
            JsonNode h,
            String defaultInstitution,
            boolean preSettlement) {
        this.df = df;
        this.m = m;
        this.h = h;
        this.defaultInstitution = defaultInstitution;
        this.preSettlement = preSettlement;
    }

    SetlInfo read(List<FeeLine> lines) {
        String setlId = text("setl_id", !preSettlement);
        String mdtrtId = text("mdtrt_id", true);
        String psnNo = text("psn_no", true);
        String certType = text("psn_cert_type", true);
        String certno = text("certno", true);
        String name = text("psn_name", false);
        String insutype = text("insutype", true);
        String medType = df.dialect().nationalMedType(text("med_type", true));
        LocalDateTime setlTime = df.dateTime(h, S, "setl_time", P, true);
        String institution = institution();
        String institutionName = envelopeOr("fixmedins_name");
        String region = DialectFields.firstText(m.envelope(), List.of("insuplc_admdvs"));
        if (region == null || !m.national()) {
            region = text("insuplc_admdvs", false);
        }
        String hospLv = text("hosp_lv", false);
        String area = envelopeOr("mdtrtarea_admvs");
        LocalDate begin = df.date(h, S, "begndate", P);
        LocalDate end = df.date(h, S, "enddate", P);

        Money medfee = amount("medfee_sumamt", true);
        Money ful = partOrSum("fulamt_ownpay_amt", lines, Part.FUL);
        Money over = partOrSum("overlmt_selfpay", lines, Part.OVER);
        Money pre = partOrSum("preselfpay_amt", lines, Part.PRE);
        Money inscp = amount("inscp_scp_amt", false);
        if (inscp == null
                && derivable("inscp_scp_amt")
                && medfee != null
                && ful != null
                && over != null
                && pre != null) {
            inscp = medfee.minus(ful).minus(over).minus(pre);
        }
        Money fund = amount("fund_pay_sumamt", true);
        Money acct = amount("acct_pay", false);
        Money cash = amount("psn_cash_pay", false);
        Money psn = amount("psn_part_amt", false);
        if (psn == null && derivable("psn_part_amt")) {
            if (acct != null && cash != null) {
                psn = acct.plus(cash);
            } else if (cash != null && acct == null) {
                psn = cash;
            } else {
                df.fields()
                        .add(
                                P + "psn_part_amt",
                                "REQUIRED",
                                P + "psn_part_amt is required (or acct_pay and " + "psn_cash_pay, which add up to it)");
            }
        }
        if (psn != null && cash == null && derivable("psn_cash_pay")) {
            cash = psn.minus(acct == null ? Money.ZERO : acct);
        }
        if (acct == null && derivable("acct_pay")) {
            acct = psn != null && cash != null ? psn.minus(cash) : Money.ZERO;
        }
        Money hosp = amount("hosp_part_amt", false);
        if (hosp == null && derivable("hosp_part_amt")) {
            hosp = Money.ZERO;
        }
        return new SetlInfo(
                setlId,
                mdtrtId,
                psnNo,
                certType,
                certno,
                name,
                insutype,
                medType,
                setlTime,
                institution,
                institutionName,
                region,
                hospLv,
                medfee,
                ful,
                over,
                pre,
                inscp,
                amount("act_pay_dedc", false),
                amount("hifp_pay", false),
                amount("hifmi_pay", false),
                amount("hifob_pay", false),
                amount("maf_pay", false),
                amount("cvlserv_pay", false),
                amount("oth_pay", false),
                fund,
                psn,
                acct,
                cash,
                hosp,
                area,
                begin,
                end);
    }

    /** The settlement's institution: setlinfo's, else the envelope's, else the caller's; both sent must agree. */
    private String institution() {
        String own = text("fixmedins_code", false);
        String envelope = m.national() ? DialectFields.firstText(m.envelope(), List.of("fixmedins_code")) : null;
        if (own != null && envelope != null && !own.equals(envelope)) {
            df.fields()
                    .add(
                            P + "fixmedins_code",
                            "FIXMEDINS_CODE_MISMATCH",
                            "setlinfo.fixmedins_code " + own + " differs from the envelope's fixmedins_code "
                                    + envelope);
        }
        String code = own != null ? own : envelope != null ? envelope : defaultInstitution;
        if (code == null) {
            df.fields()
                    .add(
                            P + "fixmedins_code",
                            "REQUIRED",
                            P + "fixmedins_code is required (in setlinfo or the " + "envelope)");
        }
        return code;
    }

    private String envelopeOr(String field) {
        String own = text(field, false);
        if (own != null || !m.national()) {
            return own;
        }
        return DialectFields.firstText(m.envelope(), List.of(field));
    }

    private enum Part {
        FUL,
        OVER,
        PRE
    }

    /** A header part as sent, else the lines' sum (its identity then holds by construction). */
    private Money partOrSum(String field, List<FeeLine> lines, Part part) {
        Money sent = amount(field, false);
        if (sent != null || !derivable(field)) {
            return sent;
        }
        Money sum = Money.ZERO;
        for (FeeLine l : lines) {
            sum = sum.plus(
                    switch (part) {
                        case FUL -> l.fulamtOwnpayAmt();
                        case OVER -> l.overlmtAmt();
                        case PRE -> l.preselfpayAmt();
                    });
        }
        return sum;
    }

    /** Absent, not refused: a value that could not be read is not replaced by a derived one. */
    private boolean derivable(String field) {
        return !df.fields().has(P + field);
    }

    private String text(String field, boolean required) {
        return df.text(h, S, field, P, required);
    }

    private Money amount(String field, boolean required) {
        return df.amount(h, S, field, P, required);
    }
}
