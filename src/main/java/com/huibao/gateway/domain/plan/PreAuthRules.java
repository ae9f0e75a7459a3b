package com.huibao.gateway.domain.plan;

/**
 * How the insurer reviews pre-authorizations (特药申请) under this plan: with {@code autoApprove}, an application
 * for a drug listed by a responsibility that requires pre-approval, for a diagnosis within the entry's indication
 * (its diagnosis prefixes, when it has any) and at most {@code maxDaysSupply} days, is approved at once for the
 * quantity asked and {@code validityDays} days; every other application waits for the insurer's review.
 */
public record PreAuthRules(boolean autoApprove, int maxDaysSupply, int validityDays) {
    /** No automatic approval: every application is reviewed. */
    public static final PreAuthRules REVIEW_ALL = new PreAuthRules(false, 30, 30);

    public PreAuthRules {
        if (maxDaysSupply < 1 || validityDays < 1) {
            throw new IllegalArgumentException("days must be at least 1");
        }
    }
}
