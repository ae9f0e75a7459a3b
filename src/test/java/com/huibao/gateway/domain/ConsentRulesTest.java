package com.huibao.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.huibao.gateway.domain.consent.Consent;
import com.huibao.gateway.domain.consent.ConsentRules;
import com.huibao.gateway.domain.consent.Purpose;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConsentRulesTest {
    private final ConsentRules rules = new ConsentRules(ZoneId.of("Asia/Shanghai"));
    private final Instant now = Instant.parse("2026-03-20T00:00:00Z");
    private final LocalDateTime settled = LocalDateTime.parse("2026-03-15T10:20:30");

    private static Consent consent(Set<Purpose> purposes, String from, String expires, Instant revoked) {
        return new Consent(
                UUID.randomUUID(),
                "INS",
                purposes,
                LocalDate.parse(from),
                Instant.parse(expires),
                Instant.parse("2026-01-01T00:00:00Z"),
                revoked);
    }

    private String decide(Consent... consents) {
        return rules.denial(List.of(consents), "INS", Purpose.DIRECT_SETTLEMENT, settled, now);
    }

    @Test
    void active_consent_with_the_purpose_covering_the_settlement_allows() {
        assertThat(decide(consent(Set.of(Purpose.DIRECT_SETTLEMENT), "2026-01-01", "2027-01-01T00:00:00Z", null)))
                .isNull();
    }

    @Test
    void each_denial_has_its_reason() {
        assertThat(decide()).isEqualTo(ConsentRules.NO_AUTHORIZATION);
        assertThat(rules.denial(
                        List.of(consent(Set.of(Purpose.DIRECT_SETTLEMENT), "2026-01-01", "2027-01-01T00:00:00Z", null)),
                        "OTHER",
                        Purpose.DIRECT_SETTLEMENT,
                        settled,
                        now))
                .isEqualTo(ConsentRules.NO_AUTHORIZATION);
        assertThat(decide(consent(Set.of(Purpose.QUICK_CLAIM), "2026-01-01", "2027-01-01T00:00:00Z", null)))
                .isEqualTo(ConsentRules.PURPOSE_NOT_GRANTED);
        assertThat(decide(consent(
                        Set.of(Purpose.DIRECT_SETTLEMENT),
                        "2026-01-01",
                        "2027-01-01T00:00:00Z",
                        Instant.parse("2026-03-19T00:00:00Z"))))
                .isEqualTo(ConsentRules.CONSENT_REVOKED);
        assertThat(decide(consent(Set.of(Purpose.DIRECT_SETTLEMENT), "2026-01-01", "2026-03-19T00:00:00Z", null)))
                .isEqualTo(ConsentRules.CONSENT_EXPIRED);
        assertThat(decide(consent(Set.of(Purpose.DIRECT_SETTLEMENT), "2026-03-16", "2027-01-01T00:00:00Z", null)))
                .isEqualTo(ConsentRules.SETTLEMENT_NOT_COVERED);
    }

    @Test
    void covers_from_is_inclusive_by_date_and_expiry_exclusive_in_beijing_time() {
        assertThat(decide(consent(Set.of(Purpose.DIRECT_SETTLEMENT), "2026-03-15", "2027-01-01T00:00:00Z", null)))
                .isNull();
        // 10:20:30 in Beijing is 02:20:30Z: a consent expiring exactly then does not cover it.
        assertThat(rules.denial(
                        List.of(consent(Set.of(Purpose.DIRECT_SETTLEMENT), "2026-01-01", "2026-03-15T02:20:30Z", null)),
                        "INS",
                        Purpose.DIRECT_SETTLEMENT,
                        settled,
                        Instant.parse("2026-03-15T01:00:00Z")))
                .isEqualTo(ConsentRules.SETTLEMENT_NOT_COVERED);
    }

    @Test
    void one_allowing_consent_wins_over_revoked_ones() {
        assertThat(decide(
                        consent(
                                Set.of(Purpose.DIRECT_SETTLEMENT),
                                "2026-01-01",
                                "2027-01-01T00:00:00Z",
                                Instant.parse("2026-02-01T00:00:00Z")),
                        consent(Set.of(Purpose.DIRECT_SETTLEMENT), "2026-01-01", "2027-01-01T00:00:00Z", null)))
                .isNull();
    }
}
