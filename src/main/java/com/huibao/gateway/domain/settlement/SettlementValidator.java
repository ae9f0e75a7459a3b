package com.huibao.gateway.domain.settlement;

import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.validation.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a read settlement: the sum identities of its region's profile, and the rules that always hold (amounts ≥ 0
 * except on refund lines, {@code cnt > 0}, unique {@code feedetl_sn}, refunds that net against their original, a
 * personal burden the lines can carry). Reports every violation, not just the first, each naming its field.
 */
public final class SettlementValidator {
    /** numeric(16,2), the national platform's amount type: also what keeps the engine's fen arithmetic exact. */
    public static final Money MAX_AMOUNT = Money.parse("99999999999999.99");

    private final ValidationProfiles profiles;

    public SettlementValidator(ValidationProfiles profiles) {
        this.profiles = profiles;
    }

    public List<Violation> validate(Settlement s) {
        List<Violation> out = new ArrayList<>();
        SetlInfo h = s.setlinfo();
        ValidationProfile profile = profiles.forRegion(h.insuplcAdmdvs());
        checkHeaderNonNegative(h, out);

        long sumFee = 0;
        long sumFulamt = 0;
        long sumOverlmt = 0;
        long sumPreself = 0;
        long sumInscp = 0;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < s.feedetail().size(); i++) {
            FeeLine l = s.feedetail().get(i);
            String at = "feedetail[" + i + "].";
            if (!seen.add(l.feedetlSn())) {
                out.add(new Violation(
                        at + "feedetl_sn", "DUPLICATE_FEEDETL_SN", "feedetl_sn " + l.feedetlSn() + " appears twice"));
            }
            if (!l.isRefund()) {
                checkLineNonNegative(l, at, out);
            }
            if (profile.checks(Identity.LINE_SUM)) {
                Money parts = l.fulamtOwnpayAmt()
                        .plus(l.overlmtAmt())
                        .plus(l.preselfpayAmt())
                        .plus(l.inscpScpAmt());
                if (!parts.equals(l.detItemFeeSumamt())) {
                    out.add(new Violation(
                            at + "det_item_fee_sumamt",
                            "LINE_SUM_MISMATCH",
                            "det_item_fee_sumamt " + l.detItemFeeSumamt()
                                    + " ≠ fulamt_ownpay_amt + overlmt_amt + preselfpay_amt" + " + inscp_scp_amt = "
                                    + parts));
                }
            }
            try {
                sumFee = Math.addExact(sumFee, l.detItemFeeSumamt().fen());
                sumFulamt = Math.addExact(sumFulamt, l.fulamtOwnpayAmt().fen());
                sumOverlmt = Math.addExact(sumOverlmt, l.overlmtAmt().fen());
                sumPreself = Math.addExact(sumPreself, l.preselfpayAmt().fen());
                sumInscp = Math.addExact(sumInscp, l.inscpScpAmt().fen());
            } catch (ArithmeticException e) {
                out.add(new Violation(
                        "feedetail", "AMOUNT_OUT_OF_RANGE", "the lines' amounts add up to more than " + MAX_AMOUNT));
                return out;
            }
        }
        out.addAll(RefundNetting.violations(s.feedetail()));
        header(
                profile,
                Identity.HEADER_MEDFEE_SUMAMT,
                "medfee_sumamt",
                h.medfeeSumamt(),
                sumFee,
                "det_item_fee_sumamt",
                out);
        header(
                profile,
                Identity.HEADER_FULAMT_OWNPAY_AMT,
                "fulamt_ownpay_amt",
                h.fulamtOwnpayAmt(),
                sumFulamt,
                "fulamt_ownpay_amt",
                out);
        header(
                profile,
                Identity.HEADER_OVERLMT_SELFPAY,
                "overlmt_selfpay",
                h.overlmtSelfpay(),
                sumOverlmt,
                "overlmt_amt",
                out);
        header(
                profile,
                Identity.HEADER_PRESELFPAY_AMT,
                "preselfpay_amt",
                h.preselfpayAmt(),
                sumPreself,
                "preselfpay_amt",
                out);
        header(
                profile,
                Identity.HEADER_INSCP_SCP_AMT,
                "inscp_scp_amt",
                h.inscpScpAmt(),
                sumInscp,
                "inscp_scp_amt",
                out);
        checkHeaderIdentities(profile, h, s.compensationInside(), out);
        if (profile.checks(Identity.SETLDETAIL_FUNDS)) {
            checkFunds(s, out);
        }
        for (long sum : new long[] {sumFee, sumFulamt, sumOverlmt, sumPreself, sumInscp}) {
            if (sum > MAX_AMOUNT.fen()) {
                out.add(new Violation(
                        "feedetail", "AMOUNT_OUT_OF_RANGE", "the lines' amounts add up to more than " + MAX_AMOUNT));
                return out;
            }
        }
        if (out.isEmpty()) {
            checkBurdenCarriedByLines(s, out);
        }
        return out;
    }

    /**
     * The identities of the header alone ({@code medfee = fund + psn + hosp}, {@code psn = acct + cash}, the basic
     * fund within the scope): also what can be checked of a message that has no lines.
     *
     * @param compensationInside what other funds inside {@code fund_pay_sumamt} paid (a commercial fund may pay
     *                           out-of-list costs: only the basic insurance's part is bound by the scope)
     */
    public void checkHeaderIdentities(
            ValidationProfile profile, SetlInfo h, Money compensationInside, List<Violation> out) {
        if (profile.checks(Identity.MEDFEE_SPLIT)) {
            Money split = h.fundPaySumamt().plus(h.psnPartAmt()).plus(h.hospPartAmt());
            if (!split.equals(h.medfeeSumamt())) {
                out.add(new Violation(
                        "setlinfo.medfee_sumamt",
                        "MEDFEE_SPLIT_MISMATCH",
                        "medfee_sumamt " + h.medfeeSumamt() + " ≠ fund_pay_sumamt + psn_part_amt + hosp_part_amt = "
                                + split));
            }
        }
        if (profile.checks(Identity.PSN_PART_SPLIT)) {
            Money split = h.acctPay().plus(h.psnCashPay());
            if (!split.equals(h.psnPartAmt())) {
                out.add(new Violation(
                        "setlinfo.psn_part_amt",
                        "PSN_PART_SPLIT_MISMATCH",
                        "psn_part_amt " + h.psnPartAmt() + " ≠ acct_pay + psn_cash_pay = " + split));
            }
        }
        Money basicFund = h.fundPaySumamt().minus(compensationInside);
        if (profile.checks(Identity.FUND_WITHIN_SCOPE) && basicFund.compareTo(h.inscpScpAmt()) > 0) {
            out.add(new Violation(
                    "setlinfo.fund_pay_sumamt",
                    "FUND_EXCEEDS_SCOPE",
                    "fund_pay_sumamt " + h.fundPaySumamt()
                            + (compensationInside.isZero()
                                    ? ""
                                    : " less compensation from elsewhere " + compensationInside)
                            + " > inscp_scp_amt " + h.inscpScpAmt()));
        }
    }

    /** The profile of a region (for callers that check a header alone). */
    public ValidationProfile profile(String insuplcAdmdvs) {
        return profiles.forRegion(insuplcAdmdvs);
    }

    private static void checkFunds(Settlement s, List<Violation> out) {
        if (s.funds().isEmpty()) {
            return;
        }
        Money fund = Money.ZERO;
        Money hospital = Money.ZERO;
        Money account = Money.ZERO;
        boolean hospitalRows = false;
        boolean accountRows = false;
        for (FundPayment f : s.funds()) {
            switch (f.kind()) {
                case BASIC, OTHER_COMPENSATION -> fund = fund.plus(f.amount());
                case HOSPITAL -> {
                    hospital = hospital.plus(f.amount());
                    hospitalRows = true;
                }
                case ACCOUNT -> {
                    account = account.plus(f.amount());
                    accountRows = true;
                }
                default -> throw new IllegalStateException(f.kind().name());
            }
        }
        SetlInfo h = s.setlinfo();
        if (!fund.equals(h.fundPaySumamt())) {
            out.add(new Violation(
                    "setldetail",
                    "SETLDETAIL_FUND_MISMATCH",
                    "the basic and other fund rows of setldetail " + "add up to " + fund + " ≠ fund_pay_sumamt "
                            + h.fundPaySumamt()));
        }
        if (hospitalRows && !hospital.equals(h.hospPartAmt())) {
            out.add(new Violation(
                    "setldetail",
                    "SETLDETAIL_HOSPITAL_MISMATCH",
                    "the hospital rows of setldetail add up " + "to " + hospital + " ≠ hosp_part_amt "
                            + h.hospPartAmt()));
        }
        if (accountRows && !account.equals(h.acctPay())) {
            out.add(new Violation(
                    "setldetail",
                    "SETLDETAIL_ACCOUNT_MISMATCH",
                    "the personal-account rows of setldetail " + "add up to " + account + " ≠ acct_pay "
                            + h.acctPay()));
        }
    }

    /**
     * The burden model (docs/SETTLEMENTS.md) shares {@code S = psn + hosp + compensation inside − Σ out of list −
     * Σ first self-pay} over the lines' in-scope amounts: S may not exceed them (the patient cannot have paid more of
     * the in-scope amounts than there were), and compensation declared with the claim may not exceed the burden.
     * Neither can happen when the identities hold.
     */
    private static void checkBurdenCarriedByLines(Settlement s, List<Violation> out) {
        SetlInfo h = s.setlinfo();
        long inScope = h.psnPartAmt().fen()
                + s.hospitalPart().fen()
                + s.compensationInside().fen();
        long scope = 0;
        for (FeeLine l : s.lines()) {
            inScope -= l.fulamtOwnpayAmt().fen()
                    + l.overlmtAmt().fen()
                    + l.preselfpayAmt().fen();
            scope += l.inscpScpAmt().fen();
        }
        if (inScope > scope) {
            out.add(new Violation(
                    "setlinfo.psn_part_amt",
                    "BURDEN_EXCEEDS_LINES",
                    "psn_part_amt " + h.psnPartAmt()
                            + " (with hosp_part_amt and compensation inside) leaves " + Money.ofFen(inScope)
                            + " of in-scope self-pay,"
                            + " more than the lines' inscp_scp_amt " + Money.ofFen(scope)));
        }
        if (s.compensationDeclared().compareTo(h.psnPartAmt()) > 0) {
            out.add(new Violation(
                    "other_compensation",
                    "OTHER_COMPENSATION_EXCEEDS_BURDEN",
                    "other_compensation " + s.compensationDeclared() + " exceeds the patient's burden psn_part_amt "
                            + h.psnPartAmt()));
        }
    }

    private static void header(
            ValidationProfile profile,
            Identity identity,
            String field,
            Money header,
            long sum,
            String lineField,
            List<Violation> out) {
        if (profile.checks(identity) && header.fen() != sum) {
            out.add(new Violation(
                    "setlinfo." + field,
                    "HEADER_SUM_MISMATCH",
                    field + " " + header + " ≠ Σ feedetail." + lineField + " = " + Money.ofFen(sum)));
        }
    }

    private static void checkLineNonNegative(FeeLine l, String at, List<Violation> out) {
        if (l.cnt().signum() <= 0) {
            out.add(new Violation(
                    at + "cnt",
                    "NOT_POSITIVE",
                    "cnt must be > 0, was " + l.cnt().toPlainString()
                            + " (a refund line names the line it refunds in init_feedetl_sn)"));
        }
        nonNegative(at + "det_item_fee_sumamt", l.detItemFeeSumamt(), out);
        nonNegative(at + "fulamt_ownpay_amt", l.fulamtOwnpayAmt(), out);
        nonNegative(at + "overlmt_amt", l.overlmtAmt(), out);
        nonNegative(at + "preselfpay_amt", l.preselfpayAmt(), out);
        nonNegative(at + "inscp_scp_amt", l.inscpScpAmt(), out);
    }

    private static void checkHeaderNonNegative(SetlInfo h, List<Violation> out) {
        nonNegative("setlinfo.medfee_sumamt", h.medfeeSumamt(), out);
        nonNegative("setlinfo.fulamt_ownpay_amt", h.fulamtOwnpayAmt(), out);
        nonNegative("setlinfo.overlmt_selfpay", h.overlmtSelfpay(), out);
        nonNegative("setlinfo.preselfpay_amt", h.preselfpayAmt(), out);
        nonNegative("setlinfo.inscp_scp_amt", h.inscpScpAmt(), out);
        nonNegative("setlinfo.act_pay_dedc", h.actPayDedc(), out);
        nonNegative("setlinfo.hifp_pay", h.hifpPay(), out);
        nonNegative("setlinfo.hifmi_pay", h.hifmiPay(), out);
        nonNegative("setlinfo.hifob_pay", h.hifobPay(), out);
        nonNegative("setlinfo.maf_pay", h.mafPay(), out);
        nonNegative("setlinfo.cvlserv_pay", h.cvlservPay(), out);
        nonNegative("setlinfo.oth_pay", h.othPay(), out);
        nonNegative("setlinfo.fund_pay_sumamt", h.fundPaySumamt(), out);
        nonNegative("setlinfo.psn_part_amt", h.psnPartAmt(), out);
        nonNegative("setlinfo.acct_pay", h.acctPay(), out);
        nonNegative("setlinfo.psn_cash_pay", h.psnCashPay(), out);
        nonNegative("setlinfo.hosp_part_amt", h.hospPartAmt(), out);
    }

    private static void nonNegative(String field, Money amount, List<Violation> out) {
        if (amount == null) {
            return;
        }
        if (amount.isNegative()) {
            out.add(new Violation(field, "NEGATIVE_AMOUNT", field + " must be ≥ 0, was " + amount));
        } else if (amount.compareTo(MAX_AMOUNT) > 0) {
            out.add(new Violation(
                    field, "AMOUNT_OUT_OF_RANGE", field + " must be ≤ " + MAX_AMOUNT + ", was " + amount));
        }
    }
}
