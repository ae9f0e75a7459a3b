package com.huibao.gateway.domain.claim;

import com.huibao.gateway.domain.benefit.Accumulators;
import com.huibao.gateway.domain.benefit.Adjudication;
import com.huibao.gateway.domain.benefit.BenefitEngine;
import com.huibao.gateway.domain.benefit.PolicyCase;
import com.huibao.gateway.domain.benefit.PolicyResult;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.settlement.Settlement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A partial refund (退费) of a confirmed direct settlement: the settlement net of every refund so far is adjudicated
 * again for the policies that took part in the confirmation, each on its accumulators as they were before this
 * settlement's claim, and split between hospital and patient as a confirmation would. Each claim is adjusted to the
 * new result; the accumulators lose the old deltas and gain the new ones (exactly, as a reversal followed by a
 * confirmation would). A claim already paid keeps its paid amounts in the books: what was paid beyond the new
 * amounts is a receivable, from the hospital (its share) and from the patient (theirs), never a silent change.
 */
public final class DirectSettlementRefund {
    private DirectSettlementRefund() {}

    /** One claim's change. */
    public record Adjustment(
            SettledClaim before,
            PolicyResult result,
            Money paysHospital,
            Money paysPatient,
            Money receivableFromHospital,
            Money receivableFromPatient) {

        public Money payout() {
            return result.payout();
        }

        public boolean changes() {
            return !before.payout().equals(result.payout())
                    || !before.paysHospital().equals(paysHospital)
                    || !before.paysPatient().equals(paysPatient);
        }
    }

    /**
     * @param adjudication the net settlement's adjudication
     * @param results every taking-part policy's new result (their deltas replace the recorded ones)
     * @param adjustments the existing claims, adjusted
     * @param created claims of policies that had none and pay now
     */
    public record Refunded(
            String setlId,
            String refundId,
            Adjudication adjudication,
            List<PolicyResult> results,
            List<Adjustment> adjustments,
            List<ApprovedClaim> created,
            Instant at) {

        public List<ClaimEvent> events() {
            List<ClaimEvent> out = new ArrayList<>();
            for (Adjustment a : adjustments) {
                if (a.changes()) {
                    out.add(new ClaimEvent.ClaimAdjusted(
                            a.before().claimId(),
                            setlId,
                            refundId,
                            a.before().policyNo(),
                            a.before().insurerId(),
                            a.before().payout(),
                            a.payout(),
                            a.paysHospital(),
                            a.paysPatient(),
                            a.receivableFromHospital(),
                            a.receivableFromPatient()));
                }
            }
            created.forEach(c -> out.add(new ClaimEvent.ClaimCreated(c)));
            return out;
        }
    }

    /**
     * @param cases the policies that took part in the confirmation (a recorded delta or a claim), each carrying its
     *              accumulators as they were before this settlement's claim and no denial
     * @param claims the settlement's direct-settlement claims, locked
     * @param planVersions the plan versions in force (for a claim made now)
     */
    public static Refunded decide(
            BenefitEngine engine,
            Settlement net,
            String refundId,
            List<PolicyCase> cases,
            List<SettledClaim> claims,
            Map<String, Integer> planVersions,
            Supplier<String> claimIds,
            Instant now) {
        Adjudication a = engine.adjudicate(net, cases);
        Map<String, PayeeSplit.Share> shares = PayeeSplit.of(a);
        Map<String, SettledClaim> byPolicy = new LinkedHashMap<>();
        claims.forEach(c -> byPolicy.put(c.policyNo(), c));
        List<Adjustment> adjustments = new ArrayList<>();
        List<ApprovedClaim> created = new ArrayList<>();
        for (PolicyResult p : a.policies()) {
            PayeeSplit.Share share = shares.get(p.policyNo());
            SettledClaim c = byPolicy.get(p.policyNo());
            if (c == null) {
                if (p.pays()) {
                    created.add(new ApprovedClaim(
                            claimIds.get(),
                            net.setlinfo().setlId(),
                            ClaimChannel.DIRECT_SETTLEMENT,
                            planVersions.getOrDefault(p.planId(), 1),
                            p,
                            share.hospital(),
                            share.patient(),
                            now));
                }
                continue;
            }
            boolean paid = c.state() == ClaimState.PAID;
            Money paidToHospital = c.remitted();
            Money paidToPatient = paid ? c.paysPatient() : Money.ZERO;
            adjustments.add(new Adjustment(
                    c,
                    p,
                    share.hospital(),
                    share.patient(),
                    positive(paidToHospital.minus(share.hospital())),
                    positive(paidToPatient.minus(share.patient()))));
        }
        return new Refunded(net.setlinfo().setlId(), refundId, a, a.policies(), adjustments, created, now);
    }

    private static Money positive(Money m) {
        return m.isNegative() ? Money.ZERO : m;
    }

    /** The accumulators a policy had before this settlement: recorded at the confirmation, else now minus its delta. */
    public static Accumulators before(Accumulators recordedBefore, Accumulators now, Accumulators recordedDelta) {
        return recordedBefore != null ? recordedBefore : now.minus(recordedDelta);
    }
}
