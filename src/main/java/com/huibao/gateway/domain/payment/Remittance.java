package com.huibao.gateway.domain.payment;

import com.huibao.gateway.domain.claim.ClaimState;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.validation.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies a payment batch to the claims it names, all or nothing. A batch whose items do not add up to its amount,
 * that names a claim twice, pays a non-positive amount, names a claim of another insurer or a claim settled at
 * another institution than the payee is refused whole ({@link Refused}, each violation naming its field). Otherwise
 * every item is applied as far as its claim is outstanding: a claim moves to PAID only when fully covered; under-,
 * over-payments, payments on paid or reversed claims and unknown ids are listed with what was not applied, never
 * dropped.
 */
public final class Remittance {
    private Remittance() {}

    public sealed interface Decision {}

    public record Refused(List<Violation> violations) implements Decision {}

    /** What the batch did, item by item, and the claims it changed. */
    public record Applied(List<ItemResult> items, List<ClaimChange> changes, Money applied, Money unapplied)
            implements Decision {}

    /** One item's result; {@code claimState} and {@code outstanding} are the claim's after the batch (null: none). */
    public record ItemResult(
            String claimId,
            Money amount,
            Money applied,
            Money unapplied,
            RemittanceOutcome outcome,
            ClaimState claimState,
            Money outstanding) {}

    /** A claim's remitted total and state after the batch. */
    public record ClaimChange(String claimId, Money remitted, ClaimState state) {}

    /**
     * @param claims the claims the batch names that exist (any insurer), by id
     */
    public static Decision apply(String insurerId, PaymentBatch batch, Map<String, PayableClaim> claims) {
        List<Violation> violations = new ArrayList<>();
        Money sum = Money.ZERO;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < batch.items().size(); i++) {
            PaymentBatch.Item item = batch.items().get(i);
            String at = "items[" + i + "].";
            sum = sum.plus(item.amount());
            if (item.amount().signum() <= 0) {
                violations.add(new Violation(at + "amount", "NOT_POSITIVE", "an item pays more than 0"));
            }
            if (!seen.add(item.claimId())) {
                violations.add(new Violation(
                        at + "claim_id", "DUPLICATE_CLAIM", item.claimId() + " is paid twice in the batch"));
            }
            PayableClaim c = claims.get(item.claimId());
            if (c == null) {
                continue;
            }
            if (!c.insurerId().equals(insurerId)) {
                violations.add(new Violation(
                        at + "claim_id",
                        "CLAIM_OF_ANOTHER_INSURER",
                        item.claimId() + " is another insurer's claim; it cannot be paid in this batch"));
            } else if (!c.payee().equals(batch.payee())) {
                violations.add(new Violation(
                        at + "claim_id",
                        "PAYEE_MISMATCH",
                        item.claimId() + " was settled at " + c.payee() + ", not at the payee " + batch.payee()));
            }
        }
        if (sum.compareTo(batch.amount()) != 0) {
            violations.add(new Violation(
                    "amount",
                    "BATCH_TOTAL_MISMATCH",
                    "the items add up to " + sum + ", the batch says " + batch.amount()));
        }
        if (!violations.isEmpty()) {
            return new Refused(violations);
        }
        List<ItemResult> results = new ArrayList<>();
        List<ClaimChange> changes = new ArrayList<>();
        Money applied = Money.ZERO;
        for (PaymentBatch.Item item : batch.items()) {
            ItemResult r = applyOne(item, claims.get(item.claimId()));
            results.add(r);
            applied = applied.plus(r.applied());
            if (r.applied().signum() > 0) {
                PayableClaim c = claims.get(item.claimId());
                changes.add(new ClaimChange(c.claimId(), c.remitted().plus(r.applied()), r.claimState()));
            }
        }
        return new Applied(results, changes, applied, batch.amount().minus(applied));
    }

    private static ItemResult applyOne(PaymentBatch.Item item, PayableClaim c) {
        Money amount = item.amount();
        if (c == null) {
            return new ItemResult(
                    item.claimId(), amount, Money.ZERO, amount, RemittanceOutcome.UNKNOWN_CLAIM, null, null);
        }
        if (c.state() == ClaimState.REVERSED) {
            return unapplied(item, c, RemittanceOutcome.CLAIM_REVERSED);
        }
        Money outstanding = c.outstanding();
        if (c.owed().isZero()) {
            return unapplied(item, c, RemittanceOutcome.NOTHING_OWED);
        }
        if (c.state() == ClaimState.PAID || outstanding.isZero()) {
            return unapplied(item, c, RemittanceOutcome.ALREADY_PAID);
        }
        int cmp = amount.compareTo(outstanding);
        if (cmp < 0) {
            return new ItemResult(
                    c.claimId(),
                    amount,
                    amount,
                    Money.ZERO,
                    RemittanceOutcome.PARTIAL,
                    ClaimState.APPROVED,
                    outstanding.minus(amount));
        }
        return new ItemResult(
                c.claimId(),
                amount,
                outstanding,
                amount.minus(outstanding),
                cmp == 0 ? RemittanceOutcome.PAID : RemittanceOutcome.OVERPAID,
                ClaimState.PAID,
                Money.ZERO);
    }

    private static ItemResult unapplied(PaymentBatch.Item item, PayableClaim c, RemittanceOutcome outcome) {
        return new ItemResult(
                c.claimId(), item.amount(), Money.ZERO, item.amount(), outcome, c.state(), c.outstanding());
    }
}
