package com.huibao.gateway.domain.settlement;

import com.huibao.gateway.domain.money.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A basic-insurance settlement as the engine sees it, whichever spelling it came in (flat document or national
 * bundle): header, diagnoses, fee lines, the fund rows of {@code setldetail}, compensation declared from elsewhere,
 * provenance and basis. {@link #feedetail()} keeps the lines as sent (so that errors can name their position);
 * {@link #lines()} has them after refund netting, in the spec's line order (SPEC §3.8).
 */
public record Settlement(
        SetlInfo setlinfo,
        List<Diagnosis> diseinfo,
        List<FeeLine> feedetail,
        List<FeeLine> lines,
        List<FundPayment> funds,
        List<OtherCompensation> otherCompensation,
        Provenance provenance,
        SettlementBasis basis) {

    public Settlement {
        diseinfo = List.copyOf(diseinfo);
        feedetail = List.copyOf(feedetail);
        lines = List.copyOf(lines);
        funds = List.copyOf(funds);
        otherCompensation = List.copyOf(otherCompensation);
        provenance = provenance == null ? Provenance.FLAT : provenance;
        basis = basis == null ? SettlementBasis.BASIC_INSURANCE : basis;
    }

    /** A flat settlement of the basic insurance: no fund rows, no compensation from elsewhere. */
    public static Settlement of(SetlInfo setlinfo, List<Diagnosis> diseinfo, List<FeeLine> feedetail) {
        return of(
                setlinfo, diseinfo, feedetail, List.of(), List.of(), Provenance.FLAT, SettlementBasis.BASIC_INSURANCE);
    }

    public static Settlement of(
            SetlInfo setlinfo,
            List<Diagnosis> diseinfo,
            List<FeeLine> feedetail,
            List<FundPayment> funds,
            List<OtherCompensation> otherCompensation,
            Provenance provenance,
            SettlementBasis basis) {
        return new Settlement(
                setlinfo,
                diseinfo,
                feedetail,
                LineOrder.sorted(RefundNetting.net(feedetail)),
                funds,
                otherCompensation,
                provenance,
                basis);
    }

    /** The same settlement with its lines in another order as sent (the result must not depend on it). */
    public Settlement withFeedetail(List<FeeLine> reordered) {
        return of(setlinfo, diseinfo, reordered, funds, otherCompensation, provenance, basis);
    }

    public LocalDate setlDate() {
        return setlinfo.setlTime().toLocalDate();
    }

    /** The main diagnosis code ({@code maindiag_flag} "1"), if any. */
    public Optional<String> mainDiagnosis() {
        for (Diagnosis d : diseinfo) {
            if (d.main() && d.diagCode() != null) {
                return Optional.of(d.diagCode());
            }
        }
        return Optional.empty();
    }

    /** The admission date: {@code begndate}, else the earliest {@code fee_ocur_time}, else the settlement date. */
    public LocalDate admissionDate() {
        if (setlinfo.begndate() != null) {
            return setlinfo.begndate();
        }
        LocalDate earliest = null;
        for (FeeLine l : lines) {
            if (l.facts().feeOcurTime() != null) {
                LocalDate d = l.facts().feeOcurTime().toLocalDate();
                earliest = earliest == null || d.isBefore(earliest) ? d : earliest;
            }
        }
        return earliest != null ? earliest : setlDate();
    }

    /** The day a line's cost arose: its {@code fee_ocur_time}, else the settlement date. */
    public LocalDate lineDate(FeeLine line) {
        return line.facts().feeOcurTime() != null ? line.facts().feeOcurTime().toLocalDate() : setlDate();
    }

    /** What the hospital bears of the patient's share ({@code hosp_part_amt}). */
    public Money hospitalPart() {
        return setlinfo.hospPartAmt();
    }

    /**
     * Compensation from elsewhere paid inside the settlement: the {@code setldetail} rows the region's profile
     * classifies as {@link FundKind#OTHER_COMPENSATION} (part of {@code fund_pay_sumamt}, so {@code psn_part_amt} is
     * already net of it). Zero without fund rows.
     */
    public Money compensationInside() {
        Money sum = Money.ZERO;
        for (FundPayment f : funds) {
            if (f.kind() == FundKind.OTHER_COMPENSATION) {
                sum = sum.plus(f.amount());
            }
        }
        return sum;
    }

    /** Compensation from elsewhere declared with the claim (outside the settlement). */
    public Money compensationDeclared() {
        Money sum = Money.ZERO;
        for (OtherCompensation c : otherCompensation) {
            sum = sum.plus(c.amount());
        }
        return sum;
    }
}
