package com.huibao.gateway.domain.benefit;

import com.huibao.gateway.domain.coverage.ListCatalog;
import com.huibao.gateway.domain.coverage.ListEntry;
import com.huibao.gateway.domain.coverage.ListMatch;
import com.huibao.gateway.domain.coverage.ListVersion;
import com.huibao.gateway.domain.coverage.MatchFailure;
import com.huibao.gateway.domain.money.LargestRemainder;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.plan.Compensation;
import com.huibao.gateway.domain.plan.Conditions;
import com.huibao.gateway.domain.plan.DeductiblePool;
import com.huibao.gateway.domain.plan.Plan;
import com.huibao.gateway.domain.plan.Responsibility;
import com.huibao.gateway.domain.policy.Policy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One policy's pass over a settlement (SPEC §3.2–3.4, §3.8; docs/PLANS.md): for each responsibility in order,
 * {@link ResponsibilityGate} → take the line parts it accepts ({@link LineFilters}, list match) and their eligible
 * amounts ({@link Eligibility}) → deductible and ratio under the plan's compensation rule ({@link Payable}) →
 * sub-limits ({@link SubLimitPass}) → caps ({@link Caps}) → book the shares in the ledger. Reads and then reduces
 * the shared remaining parts of every line, so that the next policy in coordination order sees only what this one
 * left. Single use.
 *
 * <p>Arithmetic runs on exact {@code long} fen (sums guarded by {@link Math#addExact}; the validator bounds every
 * amount), so the hot loop allocates no {@link Money}; results are converted at the end.
 */
final class PolicyPass {
    private final SettlementView v;
    private final PolicyCase policyCase;
    private final Policy policy;
    private final Plan plan;
    private final LocalDate claimDate;
    private final ListCatalog lists;
    private final long[] remainingIn;
    private final long[] remainingOut;
    private final long[] costIn;
    private final long[] costOut;
    private final int n;
    private final LineLedger ledger;
    private final Scratch s;
    private final ClaimDeltas deltas = new ClaimDeltas();
    private final SubLimitPass subLimits;
    private final Caps caps;
    /** Which parts a responsibility of this policy took, and the most specific reason a part was refused. */
    private final boolean[] takenIn;

    private final boolean[] takenOut;
    private final Refusal[] refusalIn;
    private final Refusal[] refusalOut;
    private long[] poolLeft;
    private long payout;
    /** Whether a line the responsibility being applied took falls under a sub-limit (most do not). */
    private boolean subLimited;
    /** What compensation from elsewhere paid of the costs the responsibility being applied took. */
    private long takenCompensation;

    PolicyPass(
            SettlementView v,
            LocalDate claimDate,
            ListCatalog lists,
            PolicyCase policyCase,
            long[] remainingIn,
            long[] remainingOut,
            long[] costIn,
            long[] costOut) {
        this.v = v;
        this.policyCase = policyCase;
        this.policy = policyCase.policy();
        this.plan = policyCase.plan();
        this.claimDate = claimDate;
        this.lists = lists;
        this.remainingIn = remainingIn;
        this.remainingOut = remainingOut;
        this.costIn = costIn;
        this.costOut = costOut;
        this.n = v.n;
        this.ledger = new LineLedger(v.sns, remainingIn.clone(), remainingOut.clone());
        Compensation c = plan.compensation();
        this.s = new Scratch(n, c.rule() == Compensation.Rule.MIN_OF_OWN_AND_REMAINING || c.countsTowardDeductible());
        this.subLimits = new SubLimitPass(v, policyCase.accumulators(), deltas);
        this.caps = new Caps(
                plan, policyCase.accumulators(), v.settlement.setlinfo().mdtrtId());
        this.takenIn = new boolean[n];
        this.takenOut = new boolean[n];
        this.refusalIn = new Refusal[n];
        this.refusalOut = new Refusal[n];
    }

    PolicyResult run() {
        if (policyCase.denialReason() != null) {
            for (int i = 0; i < n; i++) {
                ledger.denied(i, policyCase.denialReason(), remainingIn[i] + remainingOut[i]);
            }
            return result(List.of(), Accumulators.EMPTY);
        }
        Accumulators before = policyCase.accumulators();
        List<DeductiblePool> pools = plan.deductiblePools();
        poolLeft = new long[pools.size()];
        for (int k = 0; k < poolLeft.length; k++) {
            DeductiblePool p = pools.get(k);
            poolLeft[k] = Math.max(
                    0,
                    policy.deductible(p).fen() - before.deductibleUsed(p.id()).fen());
        }
        String medType = v.settlement.setlinfo().medType();
        List<ResponsibilityResult> results =
                new ArrayList<>(plan.responsibilities().size());
        for (Responsibility r : plan.responsibilities()) {
            if (r.admitsMedType(medType)) {
                results.add(apply(r));
            }
        }
        explainUntakenParts();
        return result(results, deltas.toAccumulators(payout));
    }

    private ResponsibilityResult apply(Responsibility r) {
        Refusal gate = ResponsibilityGate.refusal(r, v, policy, claimDate);
        BigDecimal ratio = gate == null ? ratio(r) : null;
        long sumEligible = take(r, ratio, gate);
        boolean minRule = plan.compensation().rule() == Compensation.Rule.MIN_OF_OWN_AND_REMAINING;
        int pool = poolIndex(r.deductiblePool());
        Payable payable = minRule
                ? Payable.minOfOwnAndRemaining(s, n, pool < 0 ? 0 : poolLeft[pool], ratio, takenCompensation)
                : Payable.onRemaining(
                        s,
                        n,
                        pool < 0 ? 0 : poolLeft[pool],
                        ratio,
                        plan.compensation().countsTowardDeductible(),
                        takenCompensation);
        if (pool >= 0) {
            poolLeft[pool] -= payable.poolUsed();
            deltas.deductible(r.deductiblePool(), payable.poolUsed());
        }
        long[] uncapped = payable.shares();
        long[] limited = subLimited ? subLimits.cut(r, s, uncapped) : uncapped;
        Caps.Outcome capped = caps.apply(r, limited);
        long[] shares = limited;
        CapKind cappedBy = capped.by() != null ? capped.by() : payable.cappedBy();
        if (capped.by() != null) {
            // SPEC §3.8 splits by eligible − deductible; once a sub-limit or compensation bit, by what each line may
            // get
            shares = limited == uncapped && !minRule ? split(capped.pay(), s.base) : split(capped.pay(), limited);
        }
        record(r, payable, uncapped, limited, shares, capped.by());
        if (subLimited) {
            subLimits.record(r, s, shares);
        }
        caps.book(r, capped.pay(), deltas);
        deltas.paid(r.id(), capped.pay());
        payout += capped.pay();
        return new ResponsibilityResult(
                r.id(),
                Money.ofFen(minRule ? payable.eligibleCosts() : sumEligible),
                Money.ofFen(payable.poolUsed()),
                ratio,
                Money.ofFen(capped.pay()),
                cappedBy == null ? null : cappedBy.code(),
                new LineShares(v.sns, shares),
                Money.ofFen(payable.compensation()),
                minRule ? Money.ofFen(payable.own()) : null);
    }

    private long[] split(long amount, long[] weights) {
        return LargestRemainder.split(amount, weights, s.remainder, s.order);
    }

    /** The ratio r pays at: for an invoice, outside the insured regions, or else its own; pre-existing or not. */
    private BigDecimal ratio(Responsibility r) {
        boolean pre = policy.isPreexisting(v.mainDiagnosis);
        Conditions c = r.conditions();
        if (v.invoice) {
            return pre ? c.invoicePreexistingRatio() : c.invoiceRatio();
        }
        if (c.outsideRegionRatio() != null && ResponsibilityGate.outsideRegion(r, v)) {
            return pre ? c.outsideRegionPreexistingRatio() : c.outsideRegionRatio();
        }
        return pre ? r.preexistingRatio() : r.ratio();
    }

    /** Marks the parts r accepts as taken and computes each line's eligible amounts; returns their sum. */
    private long take(Responsibility r, BigDecimal ratio, Refusal gate) {
        ListVersion version = r.matchesAllLines() ? null : lists.inForce(r.listId(), v.setlDate);
        ListVersion sublimits = r.sublimitList() == null ? null : lists.inForce(r.sublimitList(), v.setlDate);
        boolean wantsIn = r.part().coversInList();
        boolean wantsOut = r.part().coversOutOfList();
        boolean filters = gate == null && LineFilters.filters(r);
        boolean minRule = plan.compensation().rule() == Compensation.Rule.MIN_OF_OWN_AND_REMAINING;
        subLimited = !r.limits().isEmpty();
        takenCompensation = 0;
        long sum = 0;
        for (int i = 0; i < n; i++) {
            s.reset(i);
            boolean in = wantsIn && !takenIn[i];
            boolean out = wantsOut && !takenOut[i];
            if (!in && !out) {
                continue;
            }
            // a line that is not on r's list is simply not r's: no reason of r's is worth telling about it
            ListMatch match = null;
            if (!r.matchesAllLines()) {
                match = version == null
                        ? ListMatch.failed(MatchFailure.LIST_NOT_IN_FORCE)
                        : version.match(v.contexts[i], version.matchesNames() ? v.genericKey(i) : null);
                if (!match.matched()
                        && (match.failure() == MatchFailure.NOT_ON_LIST
                                || match.failure() == MatchFailure.LIST_NOT_IN_FORCE)) {
                    continue;
                }
            }
            Refusal refusal = gate;
            if (refusal == null && filters) {
                refusal = LineFilters.refusal(r, v, i, policy);
            }
            if (refusal == null) {
                refusal = refusal(r, i, ratio, match);
            }
            if (refusal != null) {
                rememberRefusal(i, refusal, in, out);
                continue;
            }
            long parts = 0;
            long costs = 0;
            if (in) {
                takenIn[i] = true;
                parts += remainingIn[i];
                costs += costIn[i];
            }
            if (out) {
                takenOut[i] = true;
                parts += remainingOut[i];
                costs += costOut[i];
            }
            ListEntry entry = match != null ? match.entry() : sublimitEntry(sublimits, i);
            s.take(i, in, out, parts, costs, entry);
            takenCompensation += costs - parts;
            subLimited |= entry != null && entry.hasSubLimits();
            Eligibility.of(r, v, i, match == null ? null : match.entry(), s, minRule);
            sum = Math.addExact(sum, s.eligible[i]);
        }
        return sum;
    }

    /**
     * Why r does not accept line i, on its list (if it has one), once past the gate and filters; null when it does
     * (SPEC §3.8).
     */
    private Refusal refusal(Responsibility r, int i, BigDecimal ratio, ListMatch m) {
        if (m != null && !m.matched()) {
            return Refusal.of(UnpaidReason.valueOf(m.failure().name()));
        }
        if (r.requiresPreapproval() && !v.lines.get(i).hasPreapproval()) {
            return PREAPPROVAL_MISSING;
        }
        if (ratio == null) {
            return PREEXISTING_EXCLUDED;
        }
        return null;
    }

    private static final Refusal NOT_COVERED = Refusal.of(UnpaidReason.NOT_COVERED);
    private static final Refusal PREAPPROVAL_MISSING = Refusal.of(UnpaidReason.PREAPPROVAL_MISSING);
    private static final Refusal PREEXISTING_EXCLUDED = Refusal.of(UnpaidReason.PREEXISTING_EXCLUDED);

    /** The entry of an all-lines responsibility's sub-limit list that line i matches, if any. */
    private ListEntry sublimitEntry(ListVersion sublimits, int i) {
        if (sublimits == null) {
            return null;
        }
        ListMatch m = sublimits.match(v.contexts[i], sublimits.matchesNames() ? v.genericKey(i) : null);
        return m.matched() ? m.entry() : null;
    }

    /** The first specific refusal of a part is its reason if no later responsibility takes it. */
    private void rememberRefusal(int i, Refusal refusal, boolean in, boolean out) {
        if (refusal == NOT_COVERED) {
            return;
        }
        if (in && refusalIn[i] == null) {
            refusalIn[i] = refusal;
        }
        if (out && refusalOut[i] == null) {
            refusalOut[i] = refusal;
        }
    }

    private int poolIndex(String id) {
        if (id != null) {
            List<DeductiblePool> pools = plan.deductiblePools();
            for (int k = 0; k < pools.size(); k++) {
                if (pools.get(k).id().equals(id)) {
                    return k;
                }
            }
        }
        return -1;
    }

    /** Pays each line its share and records why the rest of what r took stays unpaid. */
    private void record(
            Responsibility r, Payable payable, long[] uncapped, long[] limited, long[] shares, CapKind cappedBy) {
        LimitKey capKey = cappedBy == CapKind.ADMISSION_CAP ? caps.admissionKey(r) : null;
        for (int i = 0; i < n; i++) {
            if (!s.takes(i)) {
                continue;
            }
            ledger.unpaid(i, UnpaidReason.ABOVE_PAYMENT_STANDARD, s.aboveStandard[i], r.id());
            ledger.unpaid(i, UnpaidReason.BEYOND_DAYS_SUPPLY, s.beyondSupply(i), r.id());
            long short1 = s.eligible[i] - uncapped[i];
            long deductible = Math.min(s.deducted[i], short1);
            ledger.unpaid(i, UnpaidReason.DEDUCTIBLE, deductible, r.id());
            ledger.unpaid(i, UnpaidReason.COINSURANCE, short1 - deductible, r.id());
            if (s.limitReason[i] != null && limited != uncapped) {
                ledger.unpaid(i, s.limitReason[i], uncapped[i] - limited[i], r.id(), s.limitKey[i]);
            }
            if (cappedBy != null) {
                ledger.unpaid(i, cappedBy.reason(), limited[i] - shares[i], r.id(), capKey);
            }
            payLine(i, shares[i]);
        }
    }

    /** A share paid on a line reduces the parts its responsibility took: the in-list part first. */
    private void payLine(int i, long share) {
        ledger.pay(i, share);
        long left = share;
        if (s.takesIn[i]) {
            long fromIn = Math.min(left, remainingIn[i]);
            remainingIn[i] -= fromIn;
            left -= fromIn;
        }
        if (s.takesOut[i] && left > 0) {
            long fromOut = Math.min(left, remainingOut[i]);
            remainingOut[i] -= fromOut;
            left -= fromOut;
        }
        if (left > 0) {
            throw new IllegalStateException("share exceeds the parts taken on line " + v.sns[i]);
        }
    }

    private void explainUntakenParts() {
        for (int i = 0; i < n; i++) {
            if (!takenIn[i]) {
                ledger.unpaid(i, refusalIn[i] == null ? NOT_COVERED : refusalIn[i], remainingIn[i], null);
            }
            if (!takenOut[i]) {
                ledger.unpaid(i, refusalOut[i] == null ? NOT_COVERED : refusalOut[i], remainingOut[i], null);
            }
        }
    }

    private PolicyResult result(List<ResponsibilityResult> responsibilities, Accumulators delta) {
        return new PolicyResult(
                policy.policyNo(),
                plan.planId(),
                policy.insurerId(),
                Money.ofFen(payout),
                policyCase.denialReason(),
                responsibilities,
                ledger,
                policyCase.accumulators(),
                delta);
    }
}
