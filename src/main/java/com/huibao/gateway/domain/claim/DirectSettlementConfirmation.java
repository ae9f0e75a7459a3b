package com.huibao.gateway.domain.claim;

import com.huibao.gateway.domain.benefit.Accumulators;
import com.huibao.gateway.domain.benefit.Adjudication;
import com.huibao.gateway.domain.benefit.BenefitEngine;
import com.huibao.gateway.domain.benefit.PolicyCase;
import com.huibao.gateway.domain.benefit.PolicyResult;
import com.huibao.gateway.domain.settlement.Settlement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * What a confirm decides once it holds the policies' locks (直赔): each policy adjudicated on its fresh accumulators;
 * a policy that already has a live claim for this settlement through another channel pays nothing
 * ({@value #ALREADY_CLAIMED}), after any denial it already had (a missing authorization names itself first); one
 * claim per paying policy, split between hospital and patient in coordination order ({@link PayeeSplit}).
 */
public final class DirectSettlementConfirmation {
    /** Denial of a policy that already has a live claim for this settlement through another channel. */
    public static final String ALREADY_CLAIMED = "ALREADY_CLAIMED";

    private DirectSettlementConfirmation() {}

    /** The policies' cases as loaded, their fresh accumulators, and the policies already claimed on the settlement. */
    public record Inputs(
            Settlement settlement,
            List<PolicyCase> cases,
            Map<String, Accumulators> accumulators,
            Set<String> alreadyClaimed,
            Map<String, Integer> planVersions) {}

    public static Confirmation decide(BenefitEngine engine, Inputs in, Supplier<String> claimIds, Instant now) {
        List<PolicyCase> fresh = new ArrayList<>();
        for (PolicyCase c : in.cases()) {
            String policyNo = c.policy().policyNo();
            String denial = c.denialReason() != null
                    ? c.denialReason()
                    : in.alreadyClaimed().contains(policyNo) ? ALREADY_CLAIMED : null;
            fresh.add(new PolicyCase(
                    c.policy(), c.plan(), in.accumulators().getOrDefault(policyNo, Accumulators.EMPTY), denial));
        }
        Adjudication a = engine.adjudicate(in.settlement(), fresh);
        Map<String, PayeeSplit.Share> shares = PayeeSplit.of(a);
        List<ApprovedClaim> claims = new ArrayList<>();
        Map<String, Integer> versions = new HashMap<>();
        for (PolicyResult p : a.policies()) {
            versions.put(p.planId(), in.planVersions().getOrDefault(p.planId(), 1));
            if (p.pays()) {
                PayeeSplit.Share share = shares.get(p.policyNo());
                claims.add(new ApprovedClaim(
                        claimIds.get(),
                        in.settlement().setlinfo().setlId(),
                        ClaimChannel.DIRECT_SETTLEMENT,
                        versions.get(p.planId()),
                        p,
                        share.hospital(),
                        share.patient(),
                        now));
            }
        }
        return new Confirmation(
                in.settlement().setlinfo().setlId(),
                in.settlement().setlinfo().fixmedinsCode(),
                a,
                shares,
                claims,
                versions,
                now);
    }
}
