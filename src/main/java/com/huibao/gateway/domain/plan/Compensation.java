package com.huibao.gateway.domain.plan;

/**
 * How a plan treats compensation from elsewhere (补偿原则): what earlier policies in the coordination order paid,
 * commercial or other funds inside the basic settlement, and compensation declared with the claim.
 *
 * @param rule                    {@link Rule#ON_REMAINING}: the benefit's rule applied to what is left of the costs
 *                                (coordination of benefits); {@link Rule#MIN_OF_OWN_AND_REMAINING}: the smaller of
 *                                the benefit's rule applied to the costs and what is left of them (沪惠保)
 * @param countsTowardDeductible  whether what others paid counts toward the deductible (only for
 *                                {@code ON_REMAINING}: the other rule draws the deductible on the costs)
 */
public record Compensation(Rule rule, boolean countsTowardDeductible) {

    public static final Compensation ON_REMAINING = new Compensation(Rule.ON_REMAINING, false);

    /** The two readings of compensation from elsewhere. */
    public enum Rule {
        ON_REMAINING,
        MIN_OF_OWN_AND_REMAINING
    }

    public Compensation {
        rule = rule == null ? Rule.ON_REMAINING : rule;
    }
}
