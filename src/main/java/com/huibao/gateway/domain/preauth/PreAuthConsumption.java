package com.huibao.gateway.domain.preauth;

import com.huibao.gateway.domain.settlement.FeeLine;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A purchase under a pre-authorization: a fee line quoting its approval number may use it only if the
 * authorization is APPROVED and in its window on the purchase day, for this person and this drug, and within the
 * quantity left. Nothing is consumed on a refusal; a refund line gives quantity back.
 */
public final class PreAuthConsumption {
    private PreAuthConsumption() {}

    /** Why a purchase may not use the authorization. */
    public enum Refusal {
        PREAUTH_UNKNOWN,
        PREAUTH_NOT_APPROVED,
        PREAUTH_EXPIRED,
        PREAUTH_OTHER_PERSON,
        PREAUTH_OTHER_DRUG,
        PREAUTH_QUANTITY_EXCEEDED
    }

    /** The outcome for one line. */
    public sealed interface Outcome {}

    public record Consumed(PreAuthorization after, BigDecimal quantity) implements Outcome {}

    public record Refused(Refusal refusal, String detail) implements Outcome {}

    /**
     * @param p the authorization the line names, or null when none of the gateway's has that number
     * @param personKey the purchaser
     */
    public static Outcome consume(PreAuthorization p, String personKey, FeeLine line, LocalDate day) {
        String no = line.preapprovalNo();
        if (p == null) {
            return new Refused(Refusal.PREAUTH_UNKNOWN, "no pre-authorization " + no);
        }
        PreAuthState state = p.stateOn(day);
        if (state == PreAuthState.EXPIRED || state == PreAuthState.APPROVED && day.isBefore(p.validFrom())) {
            return new Refused(
                    Refusal.PREAUTH_EXPIRED,
                    no + " is valid from " + p.validFrom() + " to " + p.validTo() + ", not on " + day);
        }
        if (state != PreAuthState.APPROVED) {
            return new Refused(Refusal.PREAUTH_NOT_APPROVED, no + " is " + state);
        }
        if (!p.personKey().equals(personKey)) {
            return new Refused(Refusal.PREAUTH_OTHER_PERSON, no + " was approved for another person");
        }
        if (!p.drug().matches(line)) {
            return new Refused(
                    Refusal.PREAUTH_OTHER_DRUG, no + " was approved for another drug, not " + line.medListCodg());
        }
        BigDecimal quantity = line.cnt();
        if (quantity.compareTo(p.remaining()) > 0) {
            return new Refused(
                    Refusal.PREAUTH_QUANTITY_EXCEEDED,
                    no + " has " + p.remaining().toPlainString() + " left, the line asks for "
                            + quantity.toPlainString());
        }
        return new Consumed(p.used(quantity), quantity);
    }
}
