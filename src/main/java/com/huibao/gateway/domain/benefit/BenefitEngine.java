package com.huibao.gateway.domain.benefit;

import com.huibao.gateway.domain.coverage.ListCatalog;
import com.huibao.gateway.domain.institution.Institutions;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.plan.Plan;
import com.huibao.gateway.domain.policy.Policy;
import com.huibao.gateway.domain.settlement.Settlement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The benefit arithmetic (SPEC §3, docs/SETTLEMENTS.md, docs/PLANS.md) as a pure function: a validated settlement,
 * the patient's policies with their plans and accumulators, the coverage lists and the institution registry give an
 * immutable {@link Adjudication}. No clock, no I/O.
 */
public final class BenefitEngine {
    /** SPEC §3.8: by the plan's {@code cob_priority}, then {@code effective_from}, then {@code policy_no}. */
    static final Comparator<PolicyCase> COB_ORDER = Comparator.comparingInt(
                    (PolicyCase c) -> c.plan().cobPriority())
            .thenComparing(c -> c.policy().effectiveFrom())
            .thenComparing(c -> c.policy().policyNo());

    private final ListCatalog lists;
    private final Institutions institutions;

    public BenefitEngine(ListCatalog lists) {
        this(lists, Institutions.EMPTY);
    }

    public BenefitEngine(ListCatalog lists, Institutions institutions) {
        this.lists = lists;
        this.institutions = institutions;
    }

    /**
     * Policies that do not cover the settlement's dates are left out of the result; the others are applied in
     * coordination-of-benefits order, each seeing what earlier ones left of every line.
     */
    public Adjudication adjudicate(Settlement settlement, List<PolicyCase> cases) {
        return adjudicate(settlement, cases, settlement.setlDate());
    }

    /**
     * @param claimDate the day the claim is made, for run-off periods (claims for services inside the policy period
     *                  accepted until {@code effective_to + run_off_days})
     */
    public Adjudication adjudicate(Settlement settlement, List<PolicyCase> cases, LocalDate claimDate) {
        return adjudicate(settlement, cases, claimDate, Map.of());
    }

    /**
     * @param alreadyPaid what claims already recorded for this settlement paid per line ({@code feedetl_sn} → amount),
     *                    e.g. a direct settlement before a quick claim of another policy: subtracted from each line's
     *                    burden (in-list part first) before any policy here runs, so that Σ payouts ≤ psn_part_amt
     *                    holds across channels
     */
    public Adjudication adjudicate(
            Settlement settlement, List<PolicyCase> cases, LocalDate claimDate, Map<String, Money> alreadyPaid) {
        Burdens burdens = BurdenCalculator.burdens(settlement);
        long[] remainingIn = burdens.payableIn();
        long[] remainingOut = burdens.payableOut();
        for (int i = 0; i < burdens.size() && !alreadyPaid.isEmpty(); i++) {
            Money paid = alreadyPaid.get(burdens.sns[i]);
            long left = paid == null ? 0 : paid.fen();
            long fromIn = Math.min(left, remainingIn[i]);
            remainingIn[i] -= fromIn;
            remainingOut[i] -= Math.min(left - fromIn, remainingOut[i]);
        }
        SettlementView view = new SettlementView(settlement, institutions, burdens.sns);

        List<PolicyCase> ordered = new ArrayList<>(cases.size());
        for (PolicyCase c : cases) {
            if (covers(c.policy(), c.plan(), view)) {
                ordered.add(c);
            }
        }
        ordered.sort(COB_ORDER);

        List<PolicyResult> results = new ArrayList<>(ordered.size());
        Money total = Money.ZERO;
        for (PolicyCase c : ordered) {
            PolicyResult r = new PolicyPass(
                            view, claimDate, lists, c, remainingIn, remainingOut, burdens.costIn, burdens.costOut)
                    .run();
            results.add(r);
            total = total.plus(r.payout());
        }
        Money psnPart = settlement.setlinfo().psnPartAmt();
        Money cash = settlement.setlinfo().psnCashPay();
        Money toHospital = total.min(cash);
        Money declared = settlement.compensationDeclared();
        return new Adjudication(
                settlement.setlinfo().setlId(),
                burdens,
                results,
                total,
                psnPart.minus(declared).minus(total),
                toHospital,
                cash.minus(toHospital),
                total.minus(toHospital),
                declared);
    }

    /**
     * A policy covers a settlement settled in its term, or, when a responsibility of its plan keeps admissions open
     * past the term's end, one whose admission began in its term.
     */
    private static boolean covers(Policy policy, Plan plan, SettlementView v) {
        return policy.inForce(v.setlDate) || plan.admissionExtensionDays() > 0 && policy.inForce(v.admissionDate());
    }
}
