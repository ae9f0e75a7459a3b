package com.huibao.gateway.app.port;

import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.settlement.Provenance;
import com.huibao.gateway.domain.settlement.Settlement;
import io.vertx.core.Future;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Claims as insurers see them, payment, and quick claims. */
public interface ClaimStore {

    /**
     * A stored claim; {@code result} is the policy's adjudication as JSON (responsibilities, lines, accumulators);
     * {@code provenance} names the platform transaction of its settlement.
     */
    record Claim(
            String claimId,
            String setlId,
            String policyNo,
            String insurerId,
            String planId,
            int planVersion,
            String channel,
            String state,
            Money payout,
            Money paysHospital,
            Money paysPatient,
            String result,
            Instant createdAt,
            Instant paidAt,
            String paymentRef,
            Instant reversedAt,
            String personKey,
            LocalDateTime setlTime,
            Provenance provenance) {}

    /** A claim as its patient sees it: what was paid, and what the settlement still leaves to them. */
    record PatientClaim(
            String claimId,
            String setlId,
            LocalDateTime setlTime,
            String insurerId,
            String policyNo,
            String channel,
            String state,
            Money payout,
            Money residualSelfPay,
            String fixmedinsCode) {}

    /** Every claim on the person's policies, newest settlement first. */
    Future<List<PatientClaim>> forPerson(String personKey);

    /** Filters of {@code GET /v1/claims}; nulls are "any". {@code createdTo} is exclusive. */
    record Filter(String state, LocalDate createdFrom, LocalDate createdTo, String policyNo) {}

    /** A page and the cursor of the next one (null at the end). */
    record Page(List<Claim> claims, String nextCursor) {}

    Future<Page> list(String insurerId, Filter filter, String cursor, int limit);

    Future<Optional<Claim>> get(String insurerId, String claimId);

    /** Marks the claim paid, if its state allows it (the caller checked); returns the updated claim. */
    Future<Claim> markPaid(String insurerId, String claimId, String paymentRef, Instant paidAt);

    /**
     * What a quick claim needs: the stored settlement as received, every partial refund of it since (in order), and
     * what live claims already paid per line.
     */
    record QuickClaimContext(StoredDocument settlement, List<String> refunds, Map<String, Money> alreadyPaidPerLine) {

        public QuickClaimContext {
            refunds = List.copyOf(refunds);
        }

        /**
         * The settlement as it stands: net of its refunds (a direct settlement partially refunded after its
         * confirmation), as the claims on it were re-adjudicated.
         */
        public Settlement asItStands(SettlementParser parser) {
            return refunds.isEmpty()
                    ? parser.parse(settlement.document(), settlement.fixmedinsCode())
                    : parser.parseRefunded(settlement.document(), refunds, settlement.fixmedinsCode());
        }
    }

    /**
     * The settlement for a quick claim of this policy, if the gateway holds it and it is the policy holder's; empty
     * otherwise (so a guessed setl_id of another person is not found either).
     */
    Future<Optional<QuickClaimContext>> quickClaimContext(String setlId, String policyNo);

    Future<Optional<Claim>> bySettlementAndPolicy(String setlId, String policyNo);
}
