package com.huibao.gateway.app.shared;

import com.huibao.gateway.app.Failure;
import com.huibao.gateway.app.port.ClaimStore;
import com.huibao.gateway.app.port.IdSource;
import com.huibao.gateway.app.port.Transactions;
import com.huibao.gateway.domain.benefit.Accumulators;
import com.huibao.gateway.domain.benefit.BenefitEngine;
import com.huibao.gateway.domain.benefit.PolicyCase;
import com.huibao.gateway.domain.benefit.PolicyResult;
import com.huibao.gateway.domain.claim.ApprovedClaim;
import com.huibao.gateway.domain.claim.ClaimChannel;
import com.huibao.gateway.domain.claim.ClaimEvent;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.settlement.Settlement;
import io.vertx.core.Future;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One policy's claim on a settlement the gateway holds (快赔, 主动赔), made at most once per (setl_id, policy_no): in
 * one transaction the policy is locked, an existing claim of the pair (any channel) is returned as it is, else the
 * claim is decided on the fresh accumulators and written with its deltas, its audit record and its events
 * ({@code settlement.available} first for a proactive claim). Paid to the patient: the hospital was paid at the
 * counter.
 */
public final class PolicyClaimCreation {
    /** Decides the policy's result on its accumulators as they are under the lock. */
    public interface Decide {
        PolicyResult apply(Accumulators accumulators);

        /**
         * The policy of {@code c} adjudicated alone on {@code s} (its authorization already checked), with what other
         * claims already paid of each line taken off first.
         */
        static Decide alone(
                BenefitEngine engine,
                Settlement s,
                PolicyCase c,
                LocalDate today,
                Map<String, Money> alreadyPaidPerLine) {
            String policyNo = c.policy().policyNo();
            return acc -> engine.adjudicate(
                            s, List.of(PolicyCase.allowed(c.policy(), c.plan(), acc)), today, alreadyPaidPerLine)
                    .policy(policyNo);
        }
    }

    private final Transactions transactions;
    private final ClaimStore claims;
    private final IdSource ids;

    public PolicyClaimCreation(Transactions transactions, ClaimStore claims, IdSource ids) {
        this.transactions = transactions;
        this.claims = claims;
        this.ids = ids;
    }

    public Future<ClaimStore.Claim> create(
            ClaimChannel channel, String setlId, String policyNo, int planVersion, Instant now, Decide decide) {
        return transactions
                .inTransaction(tx -> {
                    Future<Void> locked = tx.accumulators().lock(List.of(policyNo));
                    Future<Optional<ClaimStore.Claim>> existing = tx.claims().find(setlId, policyNo);
                    Future<Map<String, Accumulators>> accumulators =
                            tx.accumulators().of(List.of(policyNo));
                    return Future.all(locked, existing, accumulators).compose(v -> {
                        if (existing.result().isPresent()) {
                            return Future.succeededFuture(existing.result().get());
                        }
                        PolicyResult result =
                                decide.apply(accumulators.result().getOrDefault(policyNo, Accumulators.EMPTY));
                        ApprovedClaim claim =
                                ApprovedClaim.toPatient(ids.claimId(), setlId, channel, planVersion, result, now);
                        List<ClaimEvent> events = new ArrayList<>();
                        if (channel == ClaimChannel.PROACTIVE_CLAIM) {
                            events.add(new ClaimEvent.SettlementAvailable(setlId, policyNo, claim.insurerId()));
                        }
                        events.add(new ClaimEvent.ClaimCreated(claim));
                        Map<String, Object> details = new LinkedHashMap<>();
                        details.put("setl_id", setlId);
                        details.put("payout", claim.payout().toString());
                        Future<ClaimStore.Claim> inserted = tx.claims().insertAndGet(claim);
                        return Future.all(List.of(
                                        inserted,
                                        tx.accumulators().add(setlId, channel, List.of(result)),
                                        tx.audit()
                                                .append(
                                                        "INSURER:" + claim.insurerId(),
                                                        channel.name() + "_CREATED",
                                                        claim.claimId(),
                                                        details,
                                                        now),
                                        tx.outbox().emit(events, now)))
                                .map(w -> inserted.result());
                    });
                })
                .recover(e -> e instanceof Failure.Conflict c && Transactions.ALREADY_EXISTS.equals(c.code())
                        // another channel claimed the pair between our look and our insert
                        ? claims.bySettlementAndPolicy(setlId, policyNo).map(Optional::orElseThrow)
                        : Future.failedFuture(e));
    }
}
