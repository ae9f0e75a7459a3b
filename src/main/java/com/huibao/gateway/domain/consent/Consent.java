package com.huibao.gateway.domain.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * A patient's authorization of one insurer for some purposes: it covers settlements from {@code coversFrom} (a
 * date) until {@code expiresAt} (an instant), and ends early when revoked.
 */
public record Consent(
        UUID id,
        String insurerId,
        Set<Purpose> purposes,
        LocalDate coversFrom,
        Instant expiresAt,
        Instant grantedAt,
        Instant revokedAt) {

    public Consent {
        purposes = Set.copyOf(purposes);
    }

    public boolean revoked(Instant now) {
        return revokedAt != null && !revokedAt.isAfter(now);
    }

    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
