package com.huibao.gateway.domain.benefit;

import com.huibao.gateway.domain.coverage.LineContext;
import com.huibao.gateway.domain.coverage.ListCatalog;
import com.huibao.gateway.domain.coverage.ListMatch;
import com.huibao.gateway.domain.coverage.MatchFailure;
import com.huibao.gateway.domain.money.LargestRemainder;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.plan.DeductiblePool;
import com.huibao.gateway.domain.plan.Plan;
import com.huibao.gateway.domain.plan.Responsibility;
import com.huibao.gateway.domain.settlement.FeeLine;
import com.huibao.gateway.domain.settlement.Settlement;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One policy's pass over a settlement (SPEC §3.2–3.4, §3.8). Reads and then reduces the shared remaining parts of
 * every line, so that the next policy in coordination order sees only what this one left. Single use.
 */
final class PolicyAdjudicator {
  private static final String ANNUAL_CAP = "annual_cap";
  private static final String OVERALL_CAP = "overall_cap";

  private final Settlement settlement;
  private final List<FeeLine> lines;
  private final LineContext[] contexts;
  private final ListCatalog lists;
  private final PolicyCase policyCase;
  private final Money[] remainingIn;
  private final Money[] remainingOut;
  private final int n;

  /** Which responsibility took each part (null = none yet), and the most specific reason a part was refused. */
  private final String[] takerIn;
  private final String[] takerOut;
  private final String[] refusalIn;
  private final String[] refusalOut;
  private final Money[] availableIn;
  private final Money[] availableOut;
  private final Money[] paidOnLine;
  private final List<List<UnpaidPart>> unpaid;

  PolicyAdjudicator(Settlement settlement, LineContext[] contexts, ListCatalog lists, PolicyCase policyCase,
      Money[] remainingIn, Money[] remainingOut) {
    this.settlement = settlement;
    this.lines = settlement.lines();
    this.contexts = contexts;
    this.lists = lists;
    this.policyCase = policyCase;
    this.remainingIn = remainingIn;
    this.remainingOut = remainingOut;
    this.n = lines.size();
    this.takerIn = new String[n];
    this.takerOut = new String[n];
    this.refusalIn = new String[n];
    this.refusalOut = new String[n];
    this.availableIn = remainingIn.clone();
    this.availableOut = remainingOut.clone();
    this.paidOnLine = new Money[n];
    java.util.Arrays.fill(paidOnLine, Money.ZERO);
    this.unpaid = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      unpaid.add(new ArrayList<>(2));
    }
  }

  PolicyResult run() {
    Accumulators before = policyCase.accumulators();
    Plan plan = policyCase.plan();
    if (policyCase.denialReason() != null) {
      for (int i = 0; i < n; i++) {
        addUnpaid(i, policyCase.denialReason(), availableIn[i].plus(availableOut[i]), null);
      }
      return result(Money.ZERO, List.of(), Accumulators.EMPTY);
    }

    String diagnosis = settlement.mainDiagnosis().orElse(null);
    boolean preexisting = policyCase.policy().isPreexisting(diagnosis);
    Map<String, Money> poolLeft = new LinkedHashMap<>();
    for (DeductiblePool p : plan.deductiblePools()) {
      poolLeft.put(p.id(), p.amount().minus(before.deductibleUsed(p.id())).floorZero());
    }
    Money planCapLeft = plan.overallCap() == null ? null : plan.overallCap().minus(before.total()).floorZero();

    Map<String, Money> deltaDeductible = new LinkedHashMap<>();
    Map<String, Money> deltaPaid = new LinkedHashMap<>();
    List<ResponsibilityResult> responsibilityResults = new ArrayList<>();
    Money payout = Money.ZERO;
    String medType = settlement.setlinfo().medType();
    for (Responsibility r : plan.responsibilities()) {
      if (!r.admitsMedType(medType)) {
        continue;
      }
      BigDecimal ratio = preexisting ? r.preexistingRatio() : r.ratio();
      Money[] eligible = new Money[n];
      Money[] excess = new Money[n];
      boolean[] takesIn = new boolean[n];
      boolean[] takesOut = new boolean[n];
      Money sumEligible = Money.ZERO;
      for (int i = 0; i < n; i++) {
        boolean wantIn = r.part().coversInList() && takerIn[i] == null;
        boolean wantOut = r.part().coversOutOfList() && takerOut[i] == null;
        if (!wantIn && !wantOut) {
          continue;
        }
        ListMatch match = r.matchesAllLines() ? null : lists.match(r.listId(), contexts[i]);
        String refusal = refusal(r, i, ratio, match);
        if (refusal != null) {
          if (wantIn && refusalIn[i] == null && !UnpaidReason.NOT_COVERED.name().equals(refusal)) {
            refusalIn[i] = refusal;
          }
          if (wantOut && refusalOut[i] == null && !UnpaidReason.NOT_COVERED.name().equals(refusal)) {
            refusalOut[i] = refusal;
          }
          continue;
        }
        Money parts = Money.ZERO;
        if (wantIn) {
          takerIn[i] = r.id();
          takesIn[i] = true;
          parts = parts.plus(remainingIn[i]);
        }
        if (wantOut) {
          takerOut[i] = r.id();
          takesOut[i] = true;
          parts = parts.plus(remainingOut[i]);
        }
        excess[i] = paymentStandardExcess(match, i).min(parts);
        eligible[i] = parts.minus(excess[i]);
        sumEligible = sumEligible.plus(eligible[i]);
      }

      // Deductible, in line order, from the responsibility's pool.
      Money[] deducted = new Money[n];
      Money[] base = new Money[n];
      Money sumDeducted = Money.ZERO;
      Money sumBase = Money.ZERO;
      Money left = r.deductiblePool() == null ? Money.ZERO : poolLeft.get(r.deductiblePool());
      for (int i = 0; i < n; i++) {
        if (eligible[i] == null) {
          deducted[i] = Money.ZERO;
          base[i] = Money.ZERO;
          continue;
        }
        deducted[i] = eligible[i].min(left);
        left = left.minus(deducted[i]);
        base[i] = eligible[i].minus(deducted[i]);
        sumDeducted = sumDeducted.plus(deducted[i]);
        sumBase = sumBase.plus(base[i]);
      }
      if (r.deductiblePool() != null) {
        poolLeft.put(r.deductiblePool(), left);
        deltaDeductible.merge(r.deductiblePool(), sumDeducted, Money::plus);
      }

      // Ratio, then caps: pay_r = min(round((E − d) × ratio), cap_r left, plan cap left).
      Money uncapped = ratio == null ? Money.ZERO : sumBase.times(ratio);
      Money pay = uncapped;
      String cappedBy = null;
      if (r.annualCap() != null) {
        Money capLeft = r.annualCap().minus(before.paid(r.id())).floorZero();
        if (capLeft.compareTo(pay) < 0) {
          pay = capLeft;
          cappedBy = ANNUAL_CAP;
        }
      }
      if (planCapLeft != null) {
        if (planCapLeft.compareTo(pay) < 0) {
          pay = planCapLeft;
          cappedBy = OVERALL_CAP;
        }
        planCapLeft = planCapLeft.minus(pay);
      }
      Money[] uncappedShares = LargestRemainder.split(uncapped, base);
      Money[] shares = cappedBy == null ? uncappedShares : LargestRemainder.split(pay, base);

      Map<String, Money> lineShares = new LinkedHashMap<>();
      for (int i = 0; i < n; i++) {
        if (eligible[i] == null) {
          continue;
        }
        if (shares[i].isPositive()) {
          lineShares.put(lines.get(i).feedetlSn(), shares[i]);
        }
        addUnpaid(i, UnpaidReason.ABOVE_PAYMENT_STANDARD.name(), excess[i], r.id());
        addUnpaid(i, UnpaidReason.DEDUCTIBLE.name(), deducted[i], r.id());
        addUnpaid(i, UnpaidReason.COINSURANCE.name(), base[i].minus(uncappedShares[i]), r.id());
        if (cappedBy != null) {
          String reason = ANNUAL_CAP.equals(cappedBy) ? UnpaidReason.ANNUAL_CAP.name() : UnpaidReason.OVERALL_CAP.name();
          addUnpaid(i, reason, uncappedShares[i].minus(shares[i]), r.id());
        }
        payLine(i, shares[i], takesIn[i], takesOut[i]);
      }
      responsibilityResults.add(new ResponsibilityResult(r.id(), sumEligible, sumDeducted, ratio, pay, cappedBy,
          lineShares));
      deltaPaid.merge(r.id(), pay, Money::plus);
      payout = payout.plus(pay);
    }

    for (int i = 0; i < n; i++) {
      if (takerIn[i] == null) {
        addUnpaid(i, refusalIn[i] == null ? UnpaidReason.NOT_COVERED.name() : refusalIn[i], availableIn[i], null);
      }
      if (takerOut[i] == null) {
        addUnpaid(i, refusalOut[i] == null ? UnpaidReason.NOT_COVERED.name() : refusalOut[i], availableOut[i], null);
      }
    }
    return result(payout, responsibilityResults, new Accumulators(deltaDeductible, deltaPaid, payout));
  }

  /** Why responsibility r does not accept line i, or null when it does (SPEC §3.8). */
  private String refusal(Responsibility r, int i, BigDecimal ratio, ListMatch m) {
    if (m != null) {
      if (!m.matched()) {
        return m.failure() == MatchFailure.NOT_ON_LIST || m.failure() == MatchFailure.LIST_NOT_IN_FORCE
            ? UnpaidReason.NOT_COVERED.name()
            : m.failure().name();
      }
    }
    if (r.requiresPreapproval() && !lines.get(i).hasPreapproval()) {
      return UnpaidReason.PREAPPROVAL_MISSING.name();
    }
    if (ratio == null) {
      return UnpaidReason.PREEXISTING_EXCLUDED.name();
    }
    return null;
  }

  /** {@code max(0, det_item_fee_sumamt − standard × cnt)} for the list entry that matched, HALF_UP to the fen. */
  private Money paymentStandardExcess(ListMatch m, int i) {
    if (m == null || m.entry().paymentStandard() == null) {
      return Money.ZERO;
    }
    FeeLine line = lines.get(i);
    BigDecimal ceiling = m.entry().paymentStandard().value().multiply(line.cnt());
    return Money.roundHalfUp(line.detItemFeeSumamt().value().subtract(ceiling)).floorZero();
  }

  /** A share paid on a line reduces the parts its responsibility took: the in-list part first. */
  private void payLine(int i, Money share, boolean fromIn, boolean fromOut) {
    paidOnLine[i] = paidOnLine[i].plus(share);
    Money left = share;
    if (fromIn) {
      Money fromInList = left.min(remainingIn[i]);
      remainingIn[i] = remainingIn[i].minus(fromInList);
      left = left.minus(fromInList);
    }
    if (fromOut && left.isPositive()) {
      Money fromOutList = left.min(remainingOut[i]);
      remainingOut[i] = remainingOut[i].minus(fromOutList);
      left = left.minus(fromOutList);
    }
    if (left.isPositive()) {
      throw new IllegalStateException("share exceeds the parts taken on line " + lines.get(i).feedetlSn());
    }
  }

  private void addUnpaid(int i, String reason, Money amount, String responsibility) {
    if (amount.isPositive()) {
      unpaid.get(i).add(new UnpaidPart(reason, amount, responsibility));
    }
  }

  private PolicyResult result(Money payout, List<ResponsibilityResult> responsibilities, Accumulators delta) {
    List<LineOutcome> outcomes = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      outcomes.add(new LineOutcome(lines.get(i).feedetlSn(), availableIn[i], availableOut[i], paidOnLine[i],
          unpaid.get(i)));
    }
    Accumulators before = policyCase.accumulators();
    return new PolicyResult(policyCase.policy().policyNo(), policyCase.plan().planId(),
        policyCase.policy().insurerId(), payout, policyCase.denialReason(), responsibilities, outcomes, before, delta,
        before.plus(delta));
  }
}
