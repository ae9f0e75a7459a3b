package com.huibao.gateway.domain.settlement;

import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.validation.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a parsed settlement against SPEC §2: the identities of its region's profile, and the rules that always
 * hold (amounts ≥ 0, {@code cnt > 0}, unique {@code feedetl_sn}, a personal burden the lines can carry). Reports
 * every violation, not just the first, each naming its field.
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

    Money sumFee = Money.ZERO;
    Money sumFulamt = Money.ZERO;
    Money sumOverlmt = Money.ZERO;
    Money sumPreself = Money.ZERO;
    Money sumInscp = Money.ZERO;
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < s.feedetail().size(); i++) {
      FeeLine l = s.feedetail().get(i);
      String at = "feedetail[" + i + "].";
      if (!seen.add(l.feedetlSn())) {
        out.add(new Violation(at + "feedetl_sn", "DUPLICATE_FEEDETL_SN", "feedetl_sn " + l.feedetlSn() + " appears twice"));
      }
      if (l.cnt().signum() <= 0) {
        out.add(new Violation(at + "cnt", "NOT_POSITIVE", "cnt must be > 0, was " + l.cnt().toPlainString()));
      }
      nonNegative(at + "det_item_fee_sumamt", l.detItemFeeSumamt(), out);
      nonNegative(at + "fulamt_ownpay_amt", l.fulamtOwnpayAmt(), out);
      nonNegative(at + "overlmt_amt", l.overlmtAmt(), out);
      nonNegative(at + "preselfpay_amt", l.preselfpayAmt(), out);
      nonNegative(at + "inscp_scp_amt", l.inscpScpAmt(), out);
      if (profile.checks(Identity.LINE_SUM)) {
        Money parts = l.fulamtOwnpayAmt().plus(l.overlmtAmt()).plus(l.preselfpayAmt()).plus(l.inscpScpAmt());
        if (!parts.equals(l.detItemFeeSumamt())) {
          out.add(new Violation(at + "det_item_fee_sumamt", "LINE_SUM_MISMATCH",
              "det_item_fee_sumamt " + l.detItemFeeSumamt() + " ≠ fulamt_ownpay_amt + overlmt_amt + preselfpay_amt"
                  + " + inscp_scp_amt = " + parts));
        }
      }
      sumFee = sumFee.plus(l.detItemFeeSumamt());
      sumFulamt = sumFulamt.plus(l.fulamtOwnpayAmt());
      sumOverlmt = sumOverlmt.plus(l.overlmtAmt());
      sumPreself = sumPreself.plus(l.preselfpayAmt());
      sumInscp = sumInscp.plus(l.inscpScpAmt());
    }
    header(profile, Identity.HEADER_MEDFEE_SUMAMT, "medfee_sumamt", h.medfeeSumamt(), sumFee, "det_item_fee_sumamt", out);
    header(profile, Identity.HEADER_FULAMT_OWNPAY_AMT, "fulamt_ownpay_amt", h.fulamtOwnpayAmt(), sumFulamt, "fulamt_ownpay_amt", out);
    header(profile, Identity.HEADER_OVERLMT_SELFPAY, "overlmt_selfpay", h.overlmtSelfpay(), sumOverlmt, "overlmt_amt", out);
    header(profile, Identity.HEADER_PRESELFPAY_AMT, "preselfpay_amt", h.preselfpayAmt(), sumPreself, "preselfpay_amt", out);
    header(profile, Identity.HEADER_INSCP_SCP_AMT, "inscp_scp_amt", h.inscpScpAmt(), sumInscp, "inscp_scp_amt", out);
    if (profile.checks(Identity.MEDFEE_SPLIT)) {
      Money split = h.fundPaySumamt().plus(h.psnPartAmt()).plus(h.hospPartAmt());
      if (!split.equals(h.medfeeSumamt())) {
        out.add(new Violation("setlinfo.medfee_sumamt", "MEDFEE_SPLIT_MISMATCH", "medfee_sumamt " + h.medfeeSumamt()
            + " ≠ fund_pay_sumamt + psn_part_amt + hosp_part_amt = " + split));
      }
    }
    if (profile.checks(Identity.PSN_PART_SPLIT)) {
      Money split = h.acctPay().plus(h.psnCashPay());
      if (!split.equals(h.psnPartAmt())) {
        out.add(new Violation("setlinfo.psn_part_amt", "PSN_PART_SPLIT_MISMATCH", "psn_part_amt " + h.psnPartAmt()
            + " ≠ acct_pay + psn_cash_pay = " + split));
      }
    }
    if (profile.checks(Identity.FUND_WITHIN_SCOPE) && h.fundPaySumamt().compareTo(h.inscpScpAmt()) > 0) {
      out.add(new Violation("setlinfo.fund_pay_sumamt", "FUND_EXCEEDS_SCOPE", "fund_pay_sumamt " + h.fundPaySumamt()
          + " > inscp_scp_amt " + h.inscpScpAmt()));
    }
    for (Money sum : new Money[] {sumFee, sumFulamt, sumOverlmt, sumPreself, sumInscp}) {
      if (sum.compareTo(MAX_AMOUNT) > 0) {
        out.add(new Violation("feedetail", "AMOUNT_OUT_OF_RANGE", "the lines' amounts add up to more than "
            + MAX_AMOUNT));
        return out;
      }
    }
    checkBurdenCarriedByLines(h, sumFulamt.plus(sumOverlmt), sumPreself, sumInscp, out);
    return out;
  }

  /**
   * SPEC §3.1 needs {@code in_scope_selfpay = psn_part_amt − Σ out_of_list − Σ preselfpay ≥ 0}, and lines with
   * in-scope amounts to share it over when it is positive; otherwise no per-line burden exists.
   */
  private static void checkBurdenCarriedByLines(SetlInfo h, Money outOfList, Money preself, Money inscp,
      List<Violation> out) {
    Money inScope = h.psnPartAmt().minus(outOfList).minus(preself);
    if (inScope.isNegative()) {
      out.add(new Violation("setlinfo.psn_part_amt", "BURDEN_BELOW_SELF_PAY", "psn_part_amt " + h.psnPartAmt()
          + " is less than the lines' out-of-list plus first self-pay amounts " + outOfList.plus(preself)));
    } else if (inScope.isPositive() && !inscp.isPositive()) {
      out.add(new Violation("setlinfo.psn_part_amt", "BURDEN_WITHOUT_SCOPE", "in-scope self-pay " + inScope
          + " cannot be shared: no line has inscp_scp_amt > 0"));
    }
  }

  private static void header(ValidationProfile profile, Identity identity, String field, Money header, Money sum,
      String lineField, List<Violation> out) {
    if (profile.checks(identity) && !header.equals(sum)) {
      out.add(new Violation("setlinfo." + field, "HEADER_SUM_MISMATCH",
          field + " " + header + " ≠ Σ feedetail." + lineField + " = " + sum));
    }
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
    if (amount.isNegative()) {
      out.add(new Violation(field, "NEGATIVE_AMOUNT", field + " must be ≥ 0, was " + amount));
    } else if (amount.compareTo(MAX_AMOUNT) > 0) {
      out.add(new Violation(field, "AMOUNT_OUT_OF_RANGE", field + " must be ≤ " + MAX_AMOUNT + ", was " + amount));
    }
  }

}
