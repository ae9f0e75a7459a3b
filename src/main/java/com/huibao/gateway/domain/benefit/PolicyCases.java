package com.huibao.gateway.domain.benefit;

import com.huibao.gateway.domain.plan.Plan;
import com.huibao.gateway.domain.policy.Policy;
import com.huibao.gateway.domain.settlement.SetlInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Selects the policies of a settlement's patient (certificate type + number) and pairs them with plan and usage. */
public final class PolicyCases {
    private PolicyCases() {}

    /**
     * @throws IllegalArgumentException when a policy names a plan (or an edition) that is not given
     */
    public static List<PolicyCase> forPatient(
            SetlInfo setlinfo,
            Collection<Policy> policies,
            Map<String, Plan> plans,
            Map<String, Accumulators> accumulators) {
        List<PolicyCase> out = new ArrayList<>();
        for (Policy p : policies) {
            if (!p.insures(setlinfo.psnCertType(), setlinfo.certno())) {
                continue;
            }
            Plan plan = plans.get(p.planId());
            if (plan == null) {
                throw new IllegalArgumentException("policy " + p.policyNo() + " names unknown plan " + p.planId());
            }
            out.add(PolicyCase.allowed(
                    p, plan.forEdition(p.edition()), accumulators.getOrDefault(p.policyNo(), Accumulators.EMPTY)));
        }
        return out;
    }
}
