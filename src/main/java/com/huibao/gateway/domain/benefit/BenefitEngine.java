package com.huibao.gateway.domain.benefit;

import com.huibao.gateway.domain.coverage.LineContext;
import com.huibao.gateway.domain.coverage.ListCatalog;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.settlement.FeeLine;
import com.huibao.gateway.domain.settlement.Settlement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The benefit arithmetic of SPEC §3 as a pure function: a validated settlement, the patient's policies with their
 * plans and accumulators, and the coverage lists give an immutable {@link Adjudication}. No clock, no I/O.
 */
public final class BenefitEngine {
  /** SPEC §3.8: by the plan's {@code cob_priority}, then {@code effective_from}, then {@code policy_no}. */
  static final Comparator<PolicyCase> COB_ORDER = Comparator
      .comparingInt((PolicyCase c) -> c.plan().cobPriority())
      .thenComparing(c -> c.policy().effectiveFrom())
      .thenComparing(c -> c.policy().policyNo());

  private final ListCatalog lists;

  public BenefitEngine(ListCatalog lists) {
    this.lists = lists;
  }

  /**
   * Policies whose period does not hold the settlement date are left out of the result; the others are applied in
   * coordination-of-benefits order, each seeing what earlier ones left of every line.
   */
  public Adjudication adjudicate(Settlement settlement, List<PolicyCase> cases) {
    return adjudicate(settlement, cases, settlement.setlDate());
  }

  /**
   * @param claimDate the day the claim is made, for run-off periods (claims for services inside the policy period
   *                  accepted until {@code effective_to + run_off_days})
   */
  public Adjudication adjudicate(Settlement settlement, List<PolicyCase> cases, java.time.LocalDate claimDate) {
    return adjudicate(settlement, cases, claimDate, java.util.Map.of());
  }

  /**
   * @param alreadyPaid what claims already recorded for this settlement paid per line ({@code feedetl_sn} → amount),
   *                    e.g. a direct settlement before a quick claim of another policy: subtracted from each line's
   *                    burden (in-list part first) before any policy here runs, so that Σ payouts ≤ psn_part_amt
   *                    holds across channels
   */
  public Adjudication adjudicate(Settlement settlement, List<PolicyCase> cases, java.time.LocalDate claimDate,
      java.util.Map<String, Money> alreadyPaid) {
    Burdens burdens = BurdenCalculator.burdens(settlement);
    long[] remainingIn = burdens.inList.clone();
    long[] remainingOut = burdens.outOfList.clone();
    for (int i = 0; i < burdens.size() && !alreadyPaid.isEmpty(); i++) {
      Money paid = alreadyPaid.get(burdens.sns[i]);
      long left = paid == null ? 0 : paid.fen();
      long fromIn = Math.min(left, remainingIn[i]);
      remainingIn[i] -= fromIn;
      remainingOut[i] -= Math.min(left - fromIn, remainingOut[i]);
    }
    String diagnosis = settlement.mainDiagnosis().orElse(null);
    LineContext[] contexts = contexts(settlement, diagnosis);
    String[] sns = burdens.sns;

    List<PolicyCase> ordered = new ArrayList<>(cases.size());
    for (PolicyCase c : cases) {
      if (c.policy().inForce(settlement.setlDate())) {
        ordered.add(c);
      }
    }
    ordered.sort(COB_ORDER);

    List<PolicyResult> results = new ArrayList<>(ordered.size());
    Money total = Money.ZERO;
    for (PolicyCase c : ordered) {
      PolicyResult r = new PolicyAdjudicator(settlement, diagnosis, claimDate, sns, contexts, lists, c,
          remainingIn, remainingOut).run();
      results.add(r);
      total = total.plus(r.payout());
    }
    Money psnPart = settlement.setlinfo().psnPartAmt();
    Money cash = settlement.setlinfo().psnCashPay();
    Money toHospital = total.min(cash);
    return new Adjudication(settlement.setlinfo().setlId(), burdens, results, total, psnPart.minus(total),
        toHospital, cash.minus(toHospital), total.minus(toHospital));
  }

  private static LineContext[] contexts(Settlement s, String diagnosis) {
    List<FeeLine> lines = s.lines();
    LineContext[] out = new LineContext[lines.size()];
    for (int i = 0; i < out.length; i++) {
      FeeLine l = lines.get(i);
      out[i] = new LineContext(l.medListCodg(), s.setlDate(), diagnosis, s.setlinfo().fixmedinsCode(),
          s.setlinfo().medType(), l.hasPreapproval());
    }
    return out;
  }
}
