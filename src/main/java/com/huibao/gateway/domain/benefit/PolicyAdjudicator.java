package com.huibao.gateway.domain.benefit;

import com.huibao.gateway.domain.coverage.LineContext;
import com.huibao.gateway.domain.coverage.ListCatalog;
import com.huibao.gateway.domain.coverage.ListMatch;
import com.huibao.gateway.domain.coverage.ListVersion;
import com.huibao.gateway.domain.coverage.MatchFailure;
import com.huibao.gateway.domain.money.LargestRemainder;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.plan.DeductiblePool;
import com.huibao.gateway.domain.plan.Plan;
import com.huibao.gateway.domain.plan.Responsibility;
import com.huibao.gateway.domain.settlement.FeeLine;
import com.huibao.gateway.domain.settlement.Settlement;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One policy's pass over a settlement (SPEC §3.2–3.4, §3.8): for each responsibility in order, take the line parts
 * it accepts, draw the deductible, apply the ratio and the caps, split the payable over lines. Reads and then
 * reduces the shared remaining parts of every line, so that the next policy in coordination order sees only what
 * this one left. Single use.
 *
 * <p>Arithmetic runs on exact {@code long} fen (sums guarded by {@link Math#addExact}; the validator bounds every
 * amount), so the hot loop allocates no {@link Money}; results are converted at the end.
 */
final class PolicyAdjudicator {
  static final String ANNUAL_CAP = "annual_cap";
  static final String OVERALL_CAP = "overall_cap";
  private static final String NOT_COVERED = UnpaidReason.NOT_COVERED.name();

  private final Settlement settlement;
  private final String mainDiagnosis;
  private final List<FeeLine> lines;
  private final String[] sns;
  private final LineContext[] contexts;
  private final ListCatalog lists;
  private final PolicyCase policyCase;
  private final long[] remainingIn;
  private final long[] remainingOut;
  private final int n;
  private final LineLedger ledger;

  /** Which responsibility took each part (null = none yet), and the most specific reason a part was refused. */
  private final String[] takerIn;
  private final String[] takerOut;
  private final String[] refusalIn;
  private final String[] refusalOut;

  /** Scratch of the responsibility being applied, per line. */
  private final boolean[] takesIn;
  private final boolean[] takesOut;
  private final long[] excess;
  private final long[] eligible;
  private final long[] deducted;
  private final long[] base;
  private final long[] remainderScratch;
  private final int[] orderScratch;

  /** Deductible left per pool, aligned with the plan's {@code deductible_pools}. */
  private long[] poolLeft;
  private final Map<String, Money> deltaDeductible = new LinkedHashMap<>();
  private final Map<String, Money> deltaPaid = new LinkedHashMap<>();
  private long planCapLeft;
  private long payout;

  PolicyAdjudicator(Settlement settlement, String mainDiagnosis, String[] sns, LineContext[] contexts, ListCatalog lists,
      PolicyCase policyCase, long[] remainingIn, long[] remainingOut) {
    this.settlement = settlement;
    this.mainDiagnosis = mainDiagnosis;
    this.lines = settlement.lines();
    this.sns = sns;
    this.contexts = contexts;
    this.lists = lists;
    this.policyCase = policyCase;
    this.remainingIn = remainingIn;
    this.remainingOut = remainingOut;
    this.n = sns.length;
    this.ledger = new LineLedger(sns, remainingIn.clone(), remainingOut.clone());
    this.takerIn = new String[n];
    this.takerOut = new String[n];
    this.refusalIn = new String[n];
    this.refusalOut = new String[n];
    this.takesIn = new boolean[n];
    this.takesOut = new boolean[n];
    this.excess = new long[n];
    this.eligible = new long[n];
    this.deducted = new long[n];
    this.base = new long[n];
    this.remainderScratch = new long[n];
    this.orderScratch = new int[n];
  }

  PolicyResult run() {
    if (policyCase.denialReason() != null) {
      for (int i = 0; i < n; i++) {
        ledger.unpaid(i, policyCase.denialReason(), remainingIn[i] + remainingOut[i], null);
      }
      return result(List.of(), Accumulators.EMPTY);
    }
    Plan plan = policyCase.plan();
    Accumulators before = policyCase.accumulators();
    List<DeductiblePool> pools = plan.deductiblePools();
    poolLeft = new long[pools.size()];
    for (int k = 0; k < poolLeft.length; k++) {
      DeductiblePool p = pools.get(k);
      poolLeft[k] = Math.max(0, p.amount().fen() - before.deductibleUsed(p.id()).fen());
    }
    planCapLeft = plan.overallCap() == null ? Long.MAX_VALUE
        : Math.max(0, plan.overallCap().fen() - before.total().fen());
    boolean preexisting = policyCase.policy().isPreexisting(mainDiagnosis);
    String medType = settlement.setlinfo().medType();

    List<ResponsibilityResult> results = new ArrayList<>(plan.responsibilities().size());
    for (Responsibility r : plan.responsibilities()) {
      if (r.admitsMedType(medType)) {
        results.add(apply(r, preexisting ? r.preexistingRatio() : r.ratio()));
      }
    }
    explainUntakenParts();
    return result(results, new Accumulators(deltaDeductible, deltaPaid, Money.ofFen(payout)));
  }

  private ResponsibilityResult apply(Responsibility r, BigDecimal ratio) {
    long sumEligible = takeParts(r, ratio);
    long sumDeducted = drawDeductible(r);
    long sumBase = sumEligible - sumDeducted;

    // Ratio once per responsibility (HALF_UP), then caps: min(pay, cap_r left, plan cap left).
    long uncapped = ratio == null ? 0
        : BigDecimal.valueOf(sumBase).multiply(ratio).setScale(0, RoundingMode.HALF_UP).longValueExact();
    long pay = uncapped;
    String cappedBy = null;
    if (r.annualCap() != null) {
      long capLeft = Math.max(0, r.annualCap().fen() - policyCase.accumulators().paid(r.id()).fen());
      if (capLeft < pay) {
        pay = capLeft;
        cappedBy = ANNUAL_CAP;
      }
    }
    if (planCapLeft < pay) {
      pay = planCapLeft;
      cappedBy = OVERALL_CAP;
    }
    if (planCapLeft != Long.MAX_VALUE) {
      planCapLeft -= pay;
    }
    long[] uncappedShares = LargestRemainder.split(uncapped, base, remainderScratch, orderScratch);
    long[] shares = cappedBy == null ? uncappedShares
        : LargestRemainder.split(pay, base, remainderScratch, orderScratch);
    recordShares(r, shares, uncappedShares, cappedBy);

    deltaPaid.merge(r.id(), Money.ofFen(pay), Money::plus);
    payout += pay;
    return new ResponsibilityResult(r.id(), Money.ofFen(sumEligible), Money.ofFen(sumDeducted), ratio,
        Money.ofFen(pay), cappedBy, new LineShares(sns, shares));
  }

  /** Marks the parts r accepts as taken and computes each line's eligible amount; returns their sum. */
  private long takeParts(Responsibility r, BigDecimal ratio) {
    ListVersion version = r.matchesAllLines() ? null : lists.inForce(r.listId(), settlement.setlDate());
    boolean wantsIn = r.part().coversInList();
    boolean wantsOut = r.part().coversOutOfList();
    long sum = 0;
    for (int i = 0; i < n; i++) {
      boolean in = wantsIn && takerIn[i] == null;
      boolean out = wantsOut && takerOut[i] == null;
      takesIn[i] = false;
      takesOut[i] = false;
      eligible[i] = 0;
      if (!in && !out) {
        continue;
      }
      ListMatch match = null;
      if (!r.matchesAllLines()) {
        match = version == null ? ListMatch.failed(MatchFailure.LIST_NOT_IN_FORCE) : version.match(contexts[i]);
      }
      String refusal = refusal(r, i, ratio, match);
      if (refusal != null) {
        rememberRefusal(i, refusal, in, out);
        continue;
      }
      long parts = 0;
      if (in) {
        takerIn[i] = r.id();
        takesIn[i] = true;
        parts += remainingIn[i];
      }
      if (out) {
        takerOut[i] = r.id();
        takesOut[i] = true;
        parts += remainingOut[i];
      }
      excess[i] = Math.min(paymentStandardExcess(match, i), parts);
      eligible[i] = parts - excess[i];
      sum = Math.addExact(sum, eligible[i]);
    }
    return sum;
  }

  private boolean takes(int i) {
    return takesIn[i] || takesOut[i];
  }

  /** Deductible from r's pool, lines in order: {@code d_i = min(eligible_i, pool left)}; returns the sum. */
  private long drawDeductible(Responsibility r) {
    int pool = poolIndex(r.deductiblePool());
    long left = pool < 0 ? 0 : poolLeft[pool];
    long sum = 0;
    for (int i = 0; i < n; i++) {
      deducted[i] = takes(i) ? Math.min(eligible[i], left) : 0;
      left -= deducted[i];
      base[i] = eligible[i] - deducted[i];
      sum += deducted[i];
    }
    if (pool >= 0) {
      poolLeft[pool] = left;
      deltaDeductible.merge(r.deductiblePool(), Money.ofFen(sum), Money::plus);
    }
    return sum;
  }

  private int poolIndex(String id) {
    if (id != null) {
      List<DeductiblePool> pools = policyCase.plan().deductiblePools();
      for (int k = 0; k < pools.size(); k++) {
        if (pools.get(k).id().equals(id)) {
          return k;
        }
      }
    }
    return -1;
  }

  /** Pays each line its share and records why the rest of what r took stays unpaid. */
  private void recordShares(Responsibility r, long[] shares, long[] uncappedShares, String cappedBy) {
    String capReason = ANNUAL_CAP.equals(cappedBy) ? UnpaidReason.ANNUAL_CAP.name() : UnpaidReason.OVERALL_CAP.name();
    for (int i = 0; i < n; i++) {
      if (!takes(i)) {
        continue;
      }
      ledger.unpaid(i, UnpaidReason.ABOVE_PAYMENT_STANDARD.name(), excess[i], r.id());
      ledger.unpaid(i, UnpaidReason.DEDUCTIBLE.name(), deducted[i], r.id());
      ledger.unpaid(i, UnpaidReason.COINSURANCE.name(), base[i] - uncappedShares[i], r.id());
      if (cappedBy != null) {
        ledger.unpaid(i, capReason, uncappedShares[i] - shares[i], r.id());
      }
      payLine(i, shares[i]);
    }
  }

  /** A share paid on a line reduces the parts its responsibility took: the in-list part first. */
  private void payLine(int i, long share) {
    ledger.pay(i, share);
    long left = share;
    if (takesIn[i]) {
      long fromIn = Math.min(left, remainingIn[i]);
      remainingIn[i] -= fromIn;
      left -= fromIn;
    }
    if (takesOut[i] && left > 0) {
      long fromOut = Math.min(left, remainingOut[i]);
      remainingOut[i] -= fromOut;
      left -= fromOut;
    }
    if (left > 0) {
      throw new IllegalStateException("share exceeds the parts taken on line " + sns[i]);
    }
  }

  /** Why responsibility r does not accept line i, or null when it does (SPEC §3.8). */
  private String refusal(Responsibility r, int i, BigDecimal ratio, ListMatch m) {
    if (m != null && !m.matched()) {
      return m.failure() == MatchFailure.NOT_ON_LIST || m.failure() == MatchFailure.LIST_NOT_IN_FORCE
          ? NOT_COVERED
          : m.failure().name();
    }
    if (r.requiresPreapproval() && !lines.get(i).hasPreapproval()) {
      return UnpaidReason.PREAPPROVAL_MISSING.name();
    }
    if (ratio == null) {
      return UnpaidReason.PREEXISTING_EXCLUDED.name();
    }
    return null;
  }

  /** The first specific refusal of a part is its reason if no later responsibility takes it. */
  private void rememberRefusal(int i, String refusal, boolean in, boolean out) {
    if (refusal.equals(NOT_COVERED)) {
      return;
    }
    if (in && refusalIn[i] == null) {
      refusalIn[i] = refusal;
    }
    if (out && refusalOut[i] == null) {
      refusalOut[i] = refusal;
    }
  }

  /** {@code max(0, det_item_fee_sumamt − standard × cnt)} for the list entry that matched, HALF_UP to the fen. */
  private long paymentStandardExcess(ListMatch m, int i) {
    if (m == null || m.entry().paymentStandard() == null) {
      return 0;
    }
    FeeLine line = lines.get(i);
    BigDecimal ceiling = m.entry().paymentStandard().value().multiply(line.cnt());
    return Math.max(0, Money.roundHalfUp(line.detItemFeeSumamt().value().subtract(ceiling)).fen());
  }

  private void explainUntakenParts() {
    for (int i = 0; i < n; i++) {
      if (takerIn[i] == null) {
        ledger.unpaid(i, refusalIn[i] == null ? NOT_COVERED : refusalIn[i], remainingIn[i], null);
      }
      if (takerOut[i] == null) {
        ledger.unpaid(i, refusalOut[i] == null ? NOT_COVERED : refusalOut[i], remainingOut[i], null);
      }
    }
  }

  private PolicyResult result(List<ResponsibilityResult> responsibilities, Accumulators delta) {
    Accumulators before = policyCase.accumulators();
    return new PolicyResult(policyCase.policy().policyNo(), policyCase.plan().planId(),
        policyCase.policy().insurerId(), Money.ofFen(payout), policyCase.denialReason(), responsibilities, ledger,
        before, delta);
  }
}
