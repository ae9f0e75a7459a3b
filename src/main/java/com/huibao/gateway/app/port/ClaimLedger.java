package com.huibao.gateway.app.port;

import com.huibao.gateway.domain.claim.ApprovedClaim;
import com.huibao.gateway.domain.claim.DirectSettlementRefund;
import com.huibao.gateway.domain.claim.SettledClaim;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Claims inside a transaction. */
public interface ClaimLedger {
    /** The policies with a claim on the settlement that is not reversed (any channel). */
    Future<Set<String>> liveClaimants(String setlId);

    /** The claim of the policy on the settlement, any channel and state. */
    Future<Optional<ClaimStore.Claim>> find(String setlId, String policyNo);

    /** The direct-settlement claims of the settlement as they stand, read without a lock (a slip). */
    Future<List<SettledClaim>> directSettlementClaims(String setlId);

    /** The direct-settlement claims of the settlement, locked: no payment can slip in before this transaction ends. */
    Future<List<SettledClaim>> lockDirectSettlementClaims(String setlId);

    Future<Void> insert(List<ApprovedClaim> claims);

    /** Inserts one claim and returns it as stored. */
    Future<ClaimStore.Claim> insertAndGet(ApprovedClaim claim);

    /** Stores the claims' new amounts and results after a partial refund, and each adjustment beside them. */
    Future<Void> adjust(String refundId, List<DirectSettlementRefund.Adjustment> adjustments, Instant at);

    /** Stores the move of these claims (as the domain decided) to REVERSED. */
    Future<Void> markReversed(List<SettledClaim> reversed, Instant at);
}
