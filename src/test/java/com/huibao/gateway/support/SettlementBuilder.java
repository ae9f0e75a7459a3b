package com.huibao.gateway.support;

import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.settlement.Diagnosis;
import com.huibao.gateway.domain.settlement.FeeLine;
import com.huibao.gateway.domain.settlement.FundKind;
import com.huibao.gateway.domain.settlement.FundPayment;
import com.huibao.gateway.domain.settlement.LineFacts;
import com.huibao.gateway.domain.settlement.OtherCompensation;
import com.huibao.gateway.domain.settlement.Provenance;
import com.huibao.gateway.domain.settlement.SetlInfo;
import com.huibao.gateway.domain.settlement.Settlement;
import com.huibao.gateway.domain.settlement.SettlementBasis;
import java.math.BigDecimal;
import java.time.LocalDate;
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
    private LocalDate begin;
    private LocalDate end;
    private SettlementBasis basis = SettlementBasis.BASIC_INSURANCE;
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

    /** Admission and discharge dates ({@code begndate}, {@code enddate}). */
    public SettlementBuilder stay(String begndate, String enddate) {
        this.begin = LocalDate.parse(begndate);
        this.end = enddate == null ? null : LocalDate.parse(enddate);
        return this;
    }

    /** Costs no basic insurance settled: an invoice (the lines should be all self-paid). */
    public SettlementBuilder invoice() {
        this.basis = SettlementBasis.INVOICE;
        return this;
    }

    /** A line made by {@link #fee(String)}. */
    public SettlementBuilder add(Fee fee) {
        lines.add(fee.build());
        return this;
    }

    /** A fee line with every fact settable; amounts in yuan strings, self-paid (ful) by default 0. */
    public static Fee fee(String sn) {
        return new Fee(sn);
    }

    /** A fee line's facts, in a few words each. */
    public static final class Fee {
        private final String sn;
        private String code = "X0000000000000000000000";
        private String name;
        private String generic;
        private String category = "09";
        private String level;
        private Money ful = Money.ZERO;
        private Money over = Money.ZERO;
        private Money pre = Money.ZERO;
        private Money inscp = Money.ZERO;
        private BigDecimal cnt = BigDecimal.ONE;
        private LocalDateTime at;
        private String preapproval;
        private BigDecimal days;

        private Fee(String sn) {
            this.sn = sn;
            this.name = "item " + sn;
        }

        public Fee code(String code) {
            this.code = code;
            return this;
        }

        /** The institution's name for it ({@code medins_list_name}). */
        public Fee name(String name) {
            this.name = name;
            return this;
        }

        /** The national catalogue name ({@code hilist_name}): a drug's generic name. */
        public Fee generic(String hilistName) {
            this.generic = hilistName;
            return this;
        }

        public Fee category(String medChrgitmType) {
            this.category = medChrgitmType;
            return this;
        }

        public Fee level(String chrgitmLv) {
            this.level = chrgitmLv;
            return this;
        }

        /** Out of catalogue ({@code fulamt_ownpay_amt}). */
        public Fee selfPaid(String yuan) {
            this.ful = Money.parse(yuan);
            return this;
        }

        public Fee overLimit(String yuan) {
            this.over = Money.parse(yuan);
            return this;
        }

        public Fee firstSelfPay(String yuan) {
            this.pre = Money.parse(yuan);
            return this;
        }

        public Fee inScope(String yuan) {
            this.inscp = Money.parse(yuan);
            return this;
        }

        public Fee cnt(String cnt) {
            this.cnt = new BigDecimal(cnt);
            return this;
        }

        public Fee at(String feeOcurTime) {
            this.at = LocalDateTime.parse(feeOcurTime.replace(' ', 'T'));
            return this;
        }

        public Fee preapproval(String no) {
            this.preapproval = no;
            return this;
        }

        public Fee daysSupply(int days) {
            this.days = BigDecimal.valueOf(days);
            return this;
        }

        FeeLine build() {
            Money total = ful.plus(over).plus(pre).plus(inscp);
            String lv = level != null ? level : ful.isPositive() && inscp.isZero() && pre.isZero() ? "03" : "02";
            return new FeeLine(
                    sn,
                    code,
                    name,
                    category,
                    lv,
                    cnt,
                    total.value(),
                    total,
                    ful,
                    over,
                    pre,
                    inscp,
                    BigDecimal.ZERO,
                    preapproval,
                    new LineFacts(null, at, null, generic, null, null, null, days));
        }
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

    public SettlementBuilder line(
            String sn,
            String code,
            String fulamt,
            String overlmt,
            String preself,
            String inscp,
            String preapproval,
            BigDecimal cnt) {
        Money f = Money.parse(fulamt);
        Money o = Money.parse(overlmt);
        Money p = Money.parse(preself);
        Money i = Money.parse(inscp);
        Money total = f.plus(o).plus(p).plus(i);
        lines.add(new FeeLine(
                sn,
                code,
                "item " + sn,
                "09",
                f.isPositive() ? "03" : "02",
                cnt,
                total.value(),
                total,
                f,
                o,
                p,
                i,
                BigDecimal.ZERO,
                preapproval));
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
        SetlInfo h = new SetlInfo(
                setlId,
                mdtrtId,
                "31000012345678",
                "01",
                certno,
                "张三",
                "310",
                medType,
                time,
                hospital,
                "示例医院",
                region,
                hospLv,
                fee,
                ful,
                over,
                pre,
                in,
                Money.ZERO,
                fund,
                Money.ZERO,
                Money.ZERO,
                Money.ZERO,
                Money.ZERO,
                Money.ZERO,
                fund,
                psnPart,
                acct,
                psnPart.minus(acct),
                hosp,
                null,
                begin,
                end);
        List<Diagnosis> d = diagnosis == null ? List.of() : List.of(new Diagnosis(diagnosis, "dx", true));
        if (otherFundFen == 0 && declared.isEmpty() && basis == SettlementBasis.BASIC_INSURANCE) {
            return Settlement.of(h, d, lines);
        }
        List<FundPayment> funds = new ArrayList<>();
        if (otherFundFen > 0) {
            funds.add(new FundPayment("310100", fund.minus(Money.ofFen(otherFundFen)), FundKind.BASIC));
            funds.add(new FundPayment("620100", Money.ofFen(otherFundFen), FundKind.OTHER_COMPENSATION));
        }
        return Settlement.of(h, d, lines, funds, declared, Provenance.FLAT, basis);
    }
}
