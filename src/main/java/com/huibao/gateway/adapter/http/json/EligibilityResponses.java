package com.huibao.gateway.adapter.http.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.app.eligibility.CheckEligibilityUseCase;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.domain.policy.Policy;

/** The contract's {@code Eligibility}: policies a hospital may settle directly and what is left of each. */
public final class EligibilityResponses {
    private EligibilityResponses() {}

    public static ObjectNode answer(CheckEligibilityUseCase.Answer a) {
        ObjectNode out = Json.object()
                .put("date", a.date().toString())
                .put("as_of", a.asOf().toString());
        ArrayNode covered = out.putArray("policies");
        for (CheckEligibilityUseCase.Covered c : a.covered()) {
            Policy p = c.policy();
            ObjectNode n = covered.addObject()
                    .put("policy_no", p.policyNo())
                    .put("insurer_id", p.insurerId())
                    .put("plan_id", p.planId())
                    .put("plan_name", c.plan().name())
                    .put("edition", p.edition())
                    .put("effective_from", p.effectiveFrom().toString())
                    .put("effective_to", p.effectiveTo().toString())
                    .put("claim_free_editions", p.claimFreeEditions());
            ArrayNode purposes = n.putArray("purposes");
            c.purposes().forEach(x -> purposes.add(x.name()));
            BalanceJson.into(n, c.balance());
        }
        ArrayNode refused = out.putArray("not_authorized");
        a.notAuthorized()
                .forEach(r -> refused.addObject()
                        .put("insurer_id", r.insurerId())
                        .put("plan_id", r.planId())
                        .put("reason", r.reason()));
        return out;
    }
}
