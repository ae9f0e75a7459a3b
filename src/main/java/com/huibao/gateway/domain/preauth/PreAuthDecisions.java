package com.huibao.gateway.domain.preauth;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What an insurer may do with an application, and what a requester may: approve (all or part of the quantity, for a
 * window), deny (with a reason), withdraw. Each returns the authorization as it becomes, or a refusal naming why.
 */
public final class PreAuthDecisions {
    private PreAuthDecisions() {}

    /** The outcome of a decision. */
    public sealed interface Outcome {}

    public record Done(PreAuthorization after) implements Outcome {}

    /** Refused: {@code code} is stable (ILLEGAL_TRANSITION, QUANTITY_ABOVE_REQUESTED, EMPTY_WINDOW, …). */
    public record Refused(String code, String detail) implements Outcome {}

    public static Outcome approve(
            PreAuthorization p, String approvalNo, BigDecimal quantity, LocalDate from, LocalDate to, Instant at) {
        if (!p.state().canMoveTo(PreAuthState.APPROVED)) {
            return illegal(p, PreAuthState.APPROVED);
        }
        if (quantity.signum() <= 0 || quantity.compareTo(p.quantityRequested()) > 0) {
            return new Refused(
                    "QUANTITY_ABOVE_REQUESTED",
                    "the approved quantity must be above 0 and at most the " + "requested "
                            + p.quantityRequested().toPlainString());
        }
        if (to.isBefore(from)) {
            return new Refused("EMPTY_WINDOW", "valid_to must not be before valid_from");
        }
        return new Done(p.with(PreAuthState.APPROVED, approvalNo, quantity, from, to, null, at, BigDecimal.ZERO));
    }

    public static Outcome deny(PreAuthorization p, String reason, Instant at) {
        if (!p.state().canMoveTo(PreAuthState.DENIED)) {
            return illegal(p, PreAuthState.DENIED);
        }
        return new Done(p.with(PreAuthState.DENIED, null, null, null, null, reason, at, BigDecimal.ZERO));
    }

    /** The requester takes an application back; an approval with purchases on it cannot be withdrawn. */
    public static Outcome withdraw(PreAuthorization p, LocalDate today, Instant at) {
        PreAuthState now = p.stateOn(today);
        if (!now.canMoveTo(PreAuthState.WITHDRAWN)) {
            return illegal(p, PreAuthState.WITHDRAWN);
        }
        if (p.quantityUsed().signum() > 0) {
            return new Refused(
                    "ALREADY_USED", "purchases were made under this approval; it can no longer be withdrawn");
        }
        return new Done(p.with(
                PreAuthState.WITHDRAWN,
                p.approvalNo(),
                p.quantityApproved(),
                p.validFrom(),
                p.validTo(),
                p.reason(),
                at,
                p.quantityUsed()));
    }

    private static Refused illegal(PreAuthorization p, PreAuthState target) {
        return new Refused(
                "ILLEGAL_TRANSITION",
                "pre-authorization " + p.id() + " is " + p.state() + "; it cannot " + "become " + target);
    }
}
