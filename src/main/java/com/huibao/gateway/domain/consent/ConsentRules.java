package com.huibao.gateway.domain.consent;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Collection;

/**
 * The one place that decides whether an insurer may use a patient's settlement for a purpose (SPEC §1, §5): a
 * consent of that insurer, with that purpose, active now (not revoked, not expired), whose window
 * {@code [covers_from, expires_at)} holds the settlement time. Settlement times are local to {@code zone}.
 */
public final class ConsentRules {
    /** Reason codes of a denial, most specific first. */
    public static final String NO_AUTHORIZATION = "NO_AUTHORIZATION";

    public static final String CONSENT_REVOKED = "CONSENT_REVOKED";
    public static final String CONSENT_EXPIRED = "CONSENT_EXPIRED";
    public static final String PURPOSE_NOT_GRANTED = "PURPOSE_NOT_GRANTED";
    /** The consent is active, but the settlement happened before {@code covers_from} or after {@code expires_at}. */
    public static final String SETTLEMENT_NOT_COVERED = "SETTLEMENT_NOT_COVERED";

    private final ZoneId zone;

    public ConsentRules(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * @param consents the patient's consents (any insurer)
     * @return null when allowed, else the reason code of the denial
     */
    public String denial(
            Collection<Consent> consents, String insurerId, Purpose purpose, LocalDateTime setlTime, Instant now) {
        boolean any = false;
        boolean activeOtherPurpose = false;
        boolean revokedWithPurpose = false;
        boolean expiredWithPurpose = false;
        boolean activeOutsideWindow = false;
        Instant settledAt = setlTime.atZone(zone).toInstant();
        for (Consent c : consents) {
            if (!c.insurerId().equals(insurerId)) {
                continue;
            }
            any = true;
            boolean hasPurpose = c.purposes().contains(purpose);
            if (c.revoked(now)) {
                revokedWithPurpose |= hasPurpose;
            } else if (c.expired(now)) {
                expiredWithPurpose |= hasPurpose;
            } else if (!hasPurpose) {
                activeOtherPurpose = true;
            } else if (setlTime.toLocalDate().isBefore(c.coversFrom()) || !settledAt.isBefore(c.expiresAt())) {
                activeOutsideWindow = true;
            } else {
                return null;
            }
        }
        if (!any) {
            return NO_AUTHORIZATION;
        }
        if (activeOutsideWindow) {
            return SETTLEMENT_NOT_COVERED;
        }
        if (revokedWithPurpose) {
            return CONSENT_REVOKED;
        }
        if (expiredWithPurpose) {
            return CONSENT_EXPIRED;
        }
        return activeOtherPurpose ? PURPOSE_NOT_GRANTED : NO_AUTHORIZATION;
    }
}
