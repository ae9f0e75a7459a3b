package com.huibao.gateway.domain.benefit;

import com.huibao.gateway.domain.plan.Plan;
import com.huibao.gateway.domain.policy.Policy;

/**
 * One policy as the engine sees it: its plan, its accumulators before this claim, and, when the claim may not use
 * it (no authorization, revoked consent, already claimed…), the reason code; such a policy pays 0.
 */
public record PolicyCase(Policy policy, Plan plan, Accumulators accumulators, String denialReason) {

    public static PolicyCase allowed(Policy policy, Plan plan, Accumulators accumulators) {
        return new PolicyCase(policy, plan, accumulators, null);
    }
}
