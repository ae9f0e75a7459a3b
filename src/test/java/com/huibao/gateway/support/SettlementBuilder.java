package com.huibao.gateway.support;

import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.settlement.Diagnosis;
import com.huibao.gateway.domain.settlement.FeeLine;
import com.huibao.gateway.domain.settlement.FundKind;
import com.huibao.gateway.domain.settlement.FundPayment;
import com.huibao.gateway.domain.settlement.OtherCompensation;
import com.huibao.gateway.domain.settlement.Provenance;
import com.huibao.gateway.domain.settlement.SettlementBasis;
import com.huibao.gateway.domain.settlement.SetlInfo;
import com.huibao.gateway.domain.settlement.Settlement;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds settlements that keep every identity of SPEC §2 by construction: lines from their four parts, the header
 * from the lines, the fund paying {@code fundFen} of the in-scope amount.
 */
public final class SettlementBuilder {
  private String setlId = "S-TEST-1";
  private String mdtrtId = "M-TEST-1";
  private String certno = "310101198001010011";
  private String medType = "21";
  private String diagnosis = "C34.900";
  private String hospital = "H31010100001";
  private String region = null;
  private String hospLv = null;
  private LocalDateTime time = LocalDateTime.of(2026, 3, 15, 10, 20, 30);
  private long fundFen = -1;
  private long hospFen = 0;
  private long acctFen = 0;
  private long otherFundFen = 0;
  private final List<OtherCompensation> declared = new ArrayList<>();
  private final List<FeeLine> lines = new ArrayList<>();

  public static SettlementBuilder settlement() {
    return new SettlementBuilder();
  }

  public SettlementBuilder id(String setlId) {
    this.setlId = setlId;
    return this;
  }

  public SettlementBuilder mdtrtId(String mdtrtId) {
    this.mdtrtId = mdtrtId;
    return this;
  }

  public SettlementBuilder certno(String certno) {
    this.certno = certno;
    return this;
  }

  public SettlementBuilder medType(String medType) {
    this.medType = medType;
    return this;
  }

  public SettlementBuilder diagnosis(String diagnosis) {
    this.diagnosis = diagnosis;
    return this;
  }

  public SettlementBuilder hospital(String hospital) {
    this.hospital = hospital;
    return this;
  }

  public SettlementBuilder region(String region) {
    this.region = region;
    return this;
  }

  public SettlementBuilder hospitalLevel(String hospLv) {
    this.hospLv = hospLv;
    return this;
  }

  public SettlementBuilder at(LocalDateTime time) {
    this.time = time;
    return this;
  }

  /** What the basic fund pays, in fen (≤ Σ inscp); default 80% of the in-scope amount. */
  public SettlementBuilder fundFen(long fen) {
    this.fundFen = fen;
    return this;
  }

  public SettlementBuilder hospFen(long fen) {
    this.hospFen = fen;
    return this;
  }

  /** Of the fund's payment, this much is compensation from elsewhere (a setldetail 620100 row). */
  public SettlementBuilder otherFundFen(long fen) {
    this.otherFundFen = fen;
    return this;
  }

  /** Compensation declared with the claim (other_compensation). */
  public SettlementBuilder declared(String source, String amount) {
    declared.add(new OtherCompensation(source, Money.parse(amount)));
    return this;
  }

  public SettlementBuilder acctFen(long fen) {
    this.acctFen = fen;
    return this;
  }

  /** A line from its parts in yuan strings: out-of-catalogue, over-limit, first self-pay, in-scope. */
  public SettlementBuilder line(String sn, String code, String fulamt, String overlmt, String preself, String inscp) {
    return line(sn, code, fulamt, overlmt, preself, inscp, null, BigDecimal.ONE);
  }

  public SettlementBuilder line(String sn, String code, String fulamt, String overlmt, String preself, String inscp,
      String preapproval, BigDecimal cnt) {
    Money f = Money.parse(fulamt);
    Money o = Money.parse(overlmt);
    Money p = Money.parse(preself);
    Money i = Money.parse(inscp);
    Money total = f.plus(o).plus(p).plus(i);
    lines.add(new FeeLine(sn, code, "item " + sn, "09", f.isPositive() ? "03" : "02", cnt, total.value(), total, f, o,
        p, i, BigDecimal.ZERO, preapproval));
    return this;
  }

  public Settlement build() {
    Money fee = Money.ZERO;
    Money ful = Money.ZERO;
    Money over = Money.ZERO;
    Money pre = Money.ZERO;
    Money in = Money.ZERO;
    for (FeeLine l : lines) {
      fee = fee.plus(l.detItemFeeSumamt());
      ful = ful.plus(l.fulamtOwnpayAmt());
      over = over.plus(l.overlmtAmt());
      pre = pre.plus(l.preselfpayAmt());
      in = in.plus(l.inscpScpAmt());
    }
    Money fund = fundFen >= 0 ? Money.ofFen(fundFen) : Money.ofFen(in.fen() * 8 / 10);
    Money hosp = Money.ofFen(hospFen);
    Money psnPart = fee.minus(fund).minus(hosp);
    Money acct = Money.ofFen(Math.min(acctFen, psnPart.fen()));
    SetlInfo h = new SetlInfo(setlId, mdtrtId, "31000012345678", "01", certno, "张三", "310", medType, time,
        hospital, "示例医院", region, hospLv, fee, ful, over, pre, in, Money.ZERO, fund, Money.ZERO, Money.ZERO, Money.ZERO,
        Money.ZERO, Money.ZERO, fund, psnPart, acct, psnPart.minus(acct), hosp);
    List<Diagnosis> d = diagnosis == null ? List.of() : List.of(new Diagnosis(diagnosis, "dx", true));
    if (otherFundFen == 0 && declared.isEmpty()) {
      return Settlement.of(h, d, lines);
    }
    List<FundPayment> funds = new ArrayList<>();
    funds.add(new FundPayment("310100", fund.minus(Money.ofFen(otherFundFen)), FundKind.BASIC));
    if (otherFundFen > 0) {
      funds.add(new FundPayment("620100", Money.ofFen(otherFundFen), FundKind.OTHER_COMPENSATION));
    }
    return Settlement.of(h, d, lines, funds, declared, Provenance.FLAT, SettlementBasis.BASIC_INSURANCE);
  }
}
