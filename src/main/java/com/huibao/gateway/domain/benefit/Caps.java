package com.huibao.gateway.domain.benefit;

import com.huibao.gateway.domain.plan.Plan;
import com.huibao.gateway.domain.plan.Responsibility;

/**
 * The caps on a responsibility's payable, in this order: its annual cap (what is left of it this policy year), its
 * per-admission cap ({@code mdtrt_id}) and the plan's overall cap, consumed by the responsibilities in order within
 * the claim (SPEC §3.8). A cap already exceeded leaves 0, never a negative payout.
 */
final class Caps {
    private final Accumulators before;
    private final String mdtrtId;
    private long planCapLeft;

    /** What the caps leave of the payable, and the one that cut it last (null: none did). */
    record Outcome(long pay, CapKind by) {}

    Caps(Plan plan, Accumulators before, String mdtrtId) {
        this.before = before;
        this.mdtrtId = mdtrtId;
        this.planCapLeft = plan.overallCap() == null
                ? Long.MAX_VALUE
                : Math.max(0, plan.overallCap().fen() - before.total().fen());
    }

    Outcome apply(Responsibility r, long[] shares) {
        long pay = 0;
        for (long x : shares) {
            pay += x;
        }
        CapKind by = null;
        if (r.annualCap() != null) {
            long left = Math.max(0, r.annualCap().fen() - before.paid(r.id()).fen());
            if (left < pay) {
                pay = left;
                by = CapKind.ANNUAL_CAP;
            }
        }
        if (r.admissionCap() != null) {
            long left = Math.max(
                    0,
                    r.admissionCap().fen()
                            - before.limitUsed(admissionKey(r).key()).fen());
            if (left < pay) {
                pay = left;
                by = CapKind.ADMISSION_CAP;
            }
        }
        if (planCapLeft < pay) {
            pay = planCapLeft;
            by = CapKind.OVERALL_CAP;
        }
        if (planCapLeft != Long.MAX_VALUE) {
            planCapLeft -= pay;
        }
        return new Outcome(pay, by);
    }

    /** Books what the responsibility paid against its per-admission cap. */
    void book(Responsibility r, long pay, ClaimDeltas deltas) {
        if (r.admissionCap() != null) {
            deltas.limit(admissionKey(r), pay);
        }
    }

    LimitKey admissionKey(Responsibility r) {
        return LimitKey.responsibilityAdmission(mdtrtId, r.id());
    }
}
