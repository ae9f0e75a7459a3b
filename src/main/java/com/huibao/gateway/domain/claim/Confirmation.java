package com.huibao.gateway.domain.claim;

import com.huibao.gateway.domain.benefit.Adjudication;
import com.huibao.gateway.domain.money.Money;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A confirmed direct settlement: the adjudication, each policy's split between hospital and patient (every policy,
 * paying or not), the claims it made (one per paying policy) and the events for their insurers, and the version of
 * each plan it was adjudicated under (every policy's, paying or not: a later partial refund re-adjudicates under
 * them).
 */
public record Confirmation(
        String setlId,
        String fixmedinsCode,
        Adjudication adjudication,
        Map<String, PayeeSplit.Share> shares,
        List<ApprovedClaim> claims,
        Map<String, Integer> planVersions,
        Instant confirmedAt) {

    public Confirmation {
        shares = Map.copyOf(shares);
        claims = List.copyOf(claims);
        planVersions = Map.copyOf(planVersions);
    }

    /** The claim the policy made, if it paid. */
    public Optional<ApprovedClaim> claimOf(String policyNo) {
        return claims.stream().filter(c -> c.policyNo().equals(policyNo)).findFirst();
    }

    public Money payoutTotal() {
        return adjudication.payoutTotal();
    }

    /** {@code claim.created} for each claim, in coordination order. */
    public List<ClaimEvent> events() {
        return claims.stream().<ClaimEvent>map(ClaimEvent.ClaimCreated::new).toList();
    }
}
