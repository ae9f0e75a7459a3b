package com.huibao.gateway.domain.benefit;

import com.huibao.gateway.domain.coverage.LineContext;
import com.huibao.gateway.domain.coverage.ListEntry;
import com.huibao.gateway.domain.coverage.ListCatalog;
import com.huibao.gateway.domain.coverage.ListMatch;
import com.huibao.gateway.domain.coverage.ListVersion;
import com.huibao.gateway.domain.coverage.MatchFailure;
import com.huibao.gateway.domain.money.LargestRemainder;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.plan.Conditions;
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
  static final String ADMISSION_CAP = "admission_cap";
  private static final String NOT_COVERED = UnpaidReason.NOT_COVERED.name();

  private final Settlement settlement;
  private final String mainDiagnosis;
  private final java.time.LocalDate claimDate;
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
  /** The list entry each line matched under the responsibility being applied (null: all-lines or no match). */
  private final ListEntry[] entries;
  /** Why a line's uncapped share was cut by a sub-limit (reason, limit key), per line; null = not cut. */
  private final String[] limitReason;
  private final String[] limitKey;
  /** Whether any line matched an entry with sub-limits under the responsibility being applied. */
  private boolean subLimited;

  /** Deductible left per pool, aligned with the plan's {@code deductible_pools}. */
  private long[] poolLeft;
  private final Map<String, Money> deltaDeductible = new LinkedHashMap<>();
  private final Map<String, Money> deltaPaid = new LinkedHashMap<>();
  private final Map<String, Money> deltaLimits = new LinkedHashMap<>();
  private final Map<String, Long> deltaCounts = new LinkedHashMap<>();
  private long planCapLeft;
  private long payout;

  PolicyAdjudicator(Settlement settlement, String mainDiagnosis, java.time.LocalDate claimDate, String[] sns,
      LineContext[] contexts, ListCatalog lists, PolicyCase policyCase, long[] remainingIn, long[] remainingOut) {
    this.settlement = settlement;
    this.mainDiagnosis = mainDiagnosis;
    this.claimDate = claimDate;
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
    this.entries = new ListEntry[n];
    this.limitReason = new String[n];
    this.limitKey = new String[n];
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
      poolLeft[k] = Math.max(0, policyCase.policy().deductible(p).fen() - before.deductibleUsed(p.id()).fen());
    }
    planCapLeft = plan.overallCap() == null ? Long.MAX_VALUE
        : Math.max(0, plan.overallCap().fen() - before.total().fen());
    boolean preexisting = policyCase.policy().isPreexisting(mainDiagnosis);
    String medType = settlement.setlinfo().medType();

    List<ResponsibilityResult> results = new ArrayList<>(plan.responsibilities().size());
    for (Responsibility r : plan.responsibilities()) {
      if (r.admitsMedType(medType)) {
        results.add(apply(r, preexisting));
      }
    }
    explainUntakenParts();
    return result(results, new Accumulators(deltaDeductible, deltaPaid, Money.ofFen(payout), deltaLimits,
        deltaCounts));
  }

  private ResponsibilityResult apply(Responsibility r, boolean preexisting) {
    Conditions conditions = r.conditions();
    boolean outside = !conditions.inRegion(settlement.setlinfo().insuplcAdmdvs());
    BigDecimal ratio = outside && conditions.outsideRegionRatio() != null
        ? (preexisting ? conditions.outsideRegionPreexistingRatio() : conditions.outsideRegionRatio())
        : (preexisting ? r.preexistingRatio() : r.ratio());
    long sumEligible = takeParts(r, ratio, conditionRefusal(r, outside));
    long sumDeducted = drawDeductible(r);
    long sumBase = sumEligible - sumDeducted;

    // Ratio once per responsibility (HALF_UP), split by eligible − deductible; then each line's sub-limits.
    long uncapped = ratio == null ? 0
        : BigDecimal.valueOf(sumBase).multiply(ratio).setScale(0, RoundingMode.HALF_UP).longValueExact();
    long[] uncappedShares = LargestRemainder.split(uncapped, base, remainderScratch, orderScratch);
    long[] limited = applySubLimits(r, uncappedShares);
    long sumLimited = 0;
    for (long x : limited) {
      sumLimited += x;
    }

    // Then min(what is left, cap_r left, admission cap left, plan cap left).
    long pay = sumLimited;
    String cappedBy = null;
    if (r.annualCap() != null) {
      long capLeft = Math.max(0, r.annualCap().fen() - policyCase.accumulators().paid(r.id()).fen());
      if (capLeft < pay) {
        pay = capLeft;
        cappedBy = ANNUAL_CAP;
      }
    }
    String admissionKey = r.admissionCap() == null ? null : admissionKey(r.id());
    if (admissionKey != null) {
      long left = Math.max(0, r.admissionCap().fen() - policyCase.accumulators().limitUsed(admissionKey).fen());
      if (left < pay) {
        pay = left;
        cappedBy = ADMISSION_CAP;
      }
    }
    if (planCapLeft < pay) {
      pay = planCapLeft;
      cappedBy = OVERALL_CAP;
    }
    if (planCapLeft != Long.MAX_VALUE) {
      planCapLeft -= pay;
    }
    long[] shares = limited;
    if (cappedBy != null) {
      // SPEC §3.8 splits by eligible − deductible; once a sub-limit bit, by what each line may still receive.
      shares = LargestRemainder.split(pay, limited == uncappedShares ? base : limited, remainderScratch,
          orderScratch);
    }
    recordShares(r, shares, uncappedShares, limited, cappedBy);
    recordSubLimitUse(r, shares);
    if (admissionKey != null) {
      deltaLimits.merge(admissionKey, Money.ofFen(pay), Money::plus);
    }

    deltaPaid.merge(r.id(), Money.ofFen(pay), Money::plus);
    payout += pay;
    return new ResponsibilityResult(r.id(), Money.ofFen(sumEligible), Money.ofFen(sumDeducted), ratio,
        Money.ofFen(pay), cappedBy, new LineShares(sns, shares));
  }

  /** Why r applies to no line of this settlement (region, hospital, run-off), or null. */
  private String conditionRefusal(Responsibility r, boolean outsideRegion) {
    Conditions c = r.conditions();
    if (outsideRegion && c.outsideRegionRatio() == null) {
      return UnpaidReason.REGION_NOT_COVERED.name();
    }
    if (c.hospitalLevels() != null && !c.hospitalLevels().contains(settlement.setlinfo().hospLv())) {
      return UnpaidReason.HOSPITAL_LEVEL_NOT_COVERED.name();
    }
    if (c.designatedHospitals() != null && !c.designatedHospitals().contains(settlement.setlinfo().fixmedinsCode())) {
      return UnpaidReason.HOSPITAL_NOT_DESIGNATED.name();
    }
    if (c.runOffDays() != null
        && !claimDate.isBefore(policyCase.policy().effectiveTo().plusDays(c.runOffDays()))) {
      return UnpaidReason.RUN_OFF_EXPIRED.name();
    }
    return null;
  }

  private String admissionKey(String what) {
    return "admission:" + settlement.setlinfo().mdtrtId() + ":" + what;
  }

  private String entryKey(Responsibility r, ListEntry e) {
    return "entry:" + (r.listId() != null ? r.listId() : r.sublimitList()) + ":" + e.code();
  }

  /**
   * Each line's share after its entry's sub-limits (annual count, annual amount, per-admission amount), lines in
   * order, several lines of one code sharing what is left. Returns {@code shares} itself when nothing bit.
   */
  private long[] applySubLimits(Responsibility r, long[] shares) {
    if (!subLimited) {
      return shares;
    }
    long[] out = shares;
    Map<String, Long> usedNow = null;
    Accumulators before = policyCase.accumulators();
    for (int i = 0; i < n; i++) {
      limitReason[i] = null;
      limitKey[i] = null;
      ListEntry e = entries[i];
      if (e == null || !e.hasSubLimits() || shares[i] == 0) {
        continue;
      }
      if (usedNow == null) {
        usedNow = new java.util.HashMap<>();
      }
      String key = entryKey(r, e);
      long share = shares[i];
      if (e.annualCount() != null) {
        long lines = before.count(key) + deltaCounts.getOrDefault(key, 0L) + usedNow.getOrDefault("count:" + key, 0L);
        if (lines >= e.annualCount()) {
          share = cut(i, share, 0, UnpaidReason.CODE_ANNUAL_COUNT, key);
        } else {
          usedNow.merge("count:" + key, 1L, Long::sum);
        }
      }
      if (e.annualCap() != null) {
        long left = Math.max(0, e.annualCap().fen() - usedBefore(key) - usedNow.getOrDefault(key, 0L));
        share = cut(i, share, left, UnpaidReason.CODE_ANNUAL_CAP, key);
        usedNow.merge(key, share, Long::sum);
      }
      if (e.admissionCap() != null) {
        String akey = admissionKey(key);
        long left = Math.max(0, e.admissionCap().fen() - usedBefore(akey) - usedNow.getOrDefault(akey, 0L));
        share = cut(i, share, left, UnpaidReason.CODE_ADMISSION_CAP, akey);
        usedNow.merge(akey, share, Long::sum);
      }
      if (share != shares[i]) {
        if (out == shares) {
          out = shares.clone();
        }
        out[i] = share;
      }
    }
    return out;
  }

  /** What a limit key had consumed before this responsibility: earlier claims, and earlier responsibilities of this
   * claim (several responsibilities may draw on one list, and so on one code's sub-limit). */
  private long usedBefore(String key) {
    return policyCase.accumulators().limitUsed(key).fen() + deltaLimits.getOrDefault(key, Money.ZERO).fen();
  }

  /** {@code min(share, left)}, remembering the first limit that cut line i. */
  private long cut(int i, long share, long left, UnpaidReason reason, String key) {
    if (share > left) {
      if (limitReason[i] == null) {
        limitReason[i] = reason.name();
        limitKey[i] = key;
      }
      return left;
    }
    return share;
  }

  /** What the final shares consumed of each code's sub-limits (amounts, and lines for counted codes). */
  private void recordSubLimitUse(Responsibility r, long[] shares) {
    for (int i = 0; subLimited && i < n; i++) {
      ListEntry e = entries[i];
      if (e == null || !e.hasSubLimits() || shares[i] == 0) {
        continue;
      }
      String key = entryKey(r, e);
      if (e.annualCount() != null) {
        deltaCounts.merge(key, 1L, Long::sum);
      }
      if (e.annualCap() != null) {
        deltaLimits.merge(key, Money.ofFen(shares[i]), Money::plus);
      }
      if (e.admissionCap() != null) {
        deltaLimits.merge(admissionKey(key), Money.ofFen(shares[i]), Money::plus);
      }
    }
  }

  /** Marks the parts r accepts as taken and computes each line's eligible amount; returns their sum. */
  private long takeParts(Responsibility r, BigDecimal ratio, String conditionRefusal) {
    ListVersion version = r.matchesAllLines() ? null : lists.inForce(r.listId(), settlement.setlDate());
    ListVersion sublimits = r.sublimitList() == null ? null : lists.inForce(r.sublimitList(), settlement.setlDate());
    boolean wantsIn = r.part().coversInList();
    boolean wantsOut = r.part().coversOutOfList();
    long sum = 0;
    subLimited = false;
    for (int i = 0; i < n; i++) {
      boolean in = wantsIn && takerIn[i] == null;
      boolean out = wantsOut && takerOut[i] == null;
      takesIn[i] = false;
      takesOut[i] = false;
      eligible[i] = 0;
      entries[i] = null;
      if (!in && !out) {
        continue;
      }
      if (conditionRefusal != null) {
        rememberRefusal(i, conditionRefusal, in, out);
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
      entries[i] = match != null ? match.entry() : sublimitEntry(sublimits, i);
      subLimited |= entries[i] != null && entries[i].hasSubLimits();
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
  private void recordShares(Responsibility r, long[] shares, long[] uncappedShares, long[] limited, String cappedBy) {
    String capReason = ANNUAL_CAP.equals(cappedBy) ? UnpaidReason.ANNUAL_CAP.name()
        : ADMISSION_CAP.equals(cappedBy) ? UnpaidReason.ADMISSION_CAP.name() : UnpaidReason.OVERALL_CAP.name();
    String capKey = ADMISSION_CAP.equals(cappedBy) ? admissionKey(r.id()) : null;
    for (int i = 0; i < n; i++) {
      if (!takes(i)) {
        continue;
      }
      ledger.unpaid(i, UnpaidReason.ABOVE_PAYMENT_STANDARD.name(), excess[i], r.id());
      ledger.unpaid(i, UnpaidReason.DEDUCTIBLE.name(), deducted[i], r.id());
      ledger.unpaid(i, UnpaidReason.COINSURANCE.name(), base[i] - uncappedShares[i], r.id());
      if (subLimited && limitReason[i] != null) {
        ledger.unpaid(i, limitReason[i], uncappedShares[i] - limited[i], r.id(), limitKey[i]);
      }
      if (cappedBy != null) {
        ledger.unpaid(i, capReason, limited[i] - shares[i], r.id(), capKey);
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

  /** The entry of an all-lines responsibility's sub-limit list that line i matches, if any. */
  private ListEntry sublimitEntry(ListVersion sublimits, int i) {
    if (sublimits == null) {
      return null;
    }
    ListMatch m = sublimits.match(contexts[i]);
    return m.matched() ? m.entry() : null;
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
    // the excess is at most the line's own amount; below zero it is none, whatever cnt is (a huge cnt made a
    // ceiling far outside any amount, and rounding the difference into Money failed: found by scripts/fuzz)
    BigDecimal excess = line.detItemFeeSumamt().value().subtract(ceiling);
    return excess.signum() <= 0 ? 0 : Money.roundHalfUp(excess).fen();
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
