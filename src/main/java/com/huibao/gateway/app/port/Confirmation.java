package com.huibao.gateway.app.port;

import com.huibao.gateway.domain.benefit.Adjudication;
import com.huibao.gateway.domain.claim.PayeeSplit;
import java.util.Map;

/**
 * What one confirm decided: the adjudication, the claim id of each paying policy, and each policy's split between
 * hospital and patient. The store writes it and renders the response from it.
 */
public record Confirmation(
        Adjudication adjudication,
        Map<String, String> claimIds,
        Map<String, PayeeSplit.Share> shares,
        Map<String, Integer> planVersions) {

    public Confirmation {
        claimIds = Map.copyOf(claimIds);
        shares = Map.copyOf(shares);
        planVersions = Map.copyOf(planVersions);
    }
}
