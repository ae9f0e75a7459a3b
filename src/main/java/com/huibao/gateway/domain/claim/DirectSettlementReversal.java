package com.huibao.gateway.domain.claim;

import com.huibao.gateway.domain.benefit.Accumulators;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A direct settlement reversed (冲正): its APPROVED claims become REVERSED and each policy's accumulators lose exactly
 * what the confirmation added (the recorded deltas), with a {@code claim.reversed} event per claim. Refused when a
 * claim was already PAID: that money left the insurer, and the correction goes through the insurer (as
 * {@link ClaimState} has it, PAID is final). Reversals are matched by {@code setl_id}, never by amounts.
 */
public final class DirectSettlementReversal {
    /** Refusal code: a claim of the settlement was already paid. */
    public static final String CLAIM_ALREADY_PAID = "CLAIM_ALREADY_PAID";

    private DirectSettlementReversal() {}

    /** What a reversal decides. */
    public sealed interface Outcome {}

    /** Not reversed: {@code code} says why, naming {@code claimId}. */
    public record Refused(String code, String claimId) implements Outcome {}

    /** Reversed: the claims now REVERSED, what each policy's accumulators lose, the events to send. */
    public record Reversed(
            String setlId,
            Instant confirmedAt,
            Instant reversedAt,
            List<SettledClaim> claims,
            Map<String, Accumulators> restored,
            List<ClaimEvent> events)
            implements Outcome {}

    /**
     * @param claims the settlement's direct-settlement claims as stored
     * @param recorded per policy, what the confirmation added to its accumulators (not yet reversed)
     */
    public static Outcome decide(
            String setlId,
            Instant confirmedAt,
            List<SettledClaim> claims,
            Map<String, Accumulators> recorded,
            Instant now) {
        for (SettledClaim c : claims) {
            if (c.state() == ClaimState.PAID) {
                return new Refused(CLAIM_ALREADY_PAID, c.claimId());
            }
        }
        List<SettledClaim> reversed = claims.stream()
                .filter(c -> c.state().canMoveTo(ClaimState.REVERSED))
                .map(c -> c.movedTo(ClaimState.REVERSED))
                .toList();
        List<ClaimEvent> events = reversed.stream()
                .<ClaimEvent>map(
                        c -> new ClaimEvent.ClaimReversed(c.claimId(), setlId, c.policyNo(), c.insurerId(), c.payout()))
                .toList();
        return new Reversed(setlId, confirmedAt, now, reversed, new TreeMap<>(recorded), events);
    }
}
