package com.huibao.gateway.domain.claim;

import com.huibao.gateway.domain.event.InsurerEvent;
import com.huibao.gateway.domain.money.Money;

/**
 * What an insurer is told about its claims (its webhook), in the order of each policy's events. Made by the domain
 * operation that changes the claims; written to the outbox in the same transaction.
 */
public sealed interface ClaimEvent extends InsurerEvent {
    /** The insurer told. */
    @Override
    String insurerId();

    /** The policy whose events keep their order. */
    String policyNo();

    @Override
    default String orderingKey() {
        return policyNo();
    }

    /** {@code claim.created}: a claim was made. */
    record ClaimCreated(ApprovedClaim claim) implements ClaimEvent {
        @Override
        public String insurerId() {
            return claim.insurerId();
        }

        @Override
        public String policyNo() {
            return claim.policyNo();
        }
    }

    /** {@code claim.reversed}: the hospital reversed the settlement of a direct-settlement claim. */
    record ClaimReversed(String claimId, String setlId, String policyNo, String insurerId, Money payout)
            implements ClaimEvent {}

    /**
     * {@code claim.adjusted}: a partial refund (退费) re-adjudicated the claim; its amounts before and after, and what
     * was already paid beyond the new amounts (owed back by the hospital and by the patient).
     */
    record ClaimAdjusted(
            String claimId,
            String setlId,
            String refundId,
            String policyNo,
            String insurerId,
            Money payoutBefore,
            Money payout,
            Money paysHospital,
            Money paysPatient,
            Money receivableFromHospital,
            Money receivableFromPatient)
            implements ClaimEvent {}

    /** {@code settlement.available}: the data feed brought a settlement of the policy (before its proactive claim). */
    record SettlementAvailable(String setlId, String policyNo, String insurerId) implements ClaimEvent {}
}
