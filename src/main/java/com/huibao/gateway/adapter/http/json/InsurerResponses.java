package com.huibao.gateway.adapter.http.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.app.insurer.GetPolicyUseCase;
import com.huibao.gateway.app.port.InsurerCatalogStore;
import com.huibao.gateway.codec.AccumulatorsJson;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.domain.policy.Policy;
import java.util.List;

/** An insurer's published documents, policy batches and policies as the contract answers them. */
public final class InsurerResponses {
    private InsurerResponses() {}

    /** A published plan or list version: the document as published, with {@code version} and {@code published_at}. */
    public static ObjectNode published(InsurerCatalogStore.Published p, String idField) {
        ObjectNode o = (ObjectNode) Json.parse(p.document());
        o.put(idField, p.id());
        o.put("version", p.version());
        o.put("published_at", p.publishedAt().toString());
        return o;
    }

    public static ObjectNode policyBatch(InsurerCatalogStore.PolicyBatch b, List<Policy> sent) {
        ObjectNode out = Json.object().put("created", b.created()).put("unchanged", b.unchanged());
        ArrayNode nos = out.putArray("policy_nos");
        sent.forEach(p -> nos.add(p.policyNo()));
        return out;
    }

    /** The policy (identity number masked) with its accumulators. */
    public static ObjectNode policy(GetPolicyUseCase.View v) {
        Policy p = v.policy().policy();
        ObjectNode o = Json.object()
                .put("policy_no", p.policyNo())
                .put("plan_id", p.planId())
                .put("insurer_id", p.insurerId())
                .put("edition", p.edition())
                .put("psn_cert_type", p.psnCertType())
                .put("certno", v.policy().certnoMasked())
                .put("effective_from", p.effectiveFrom().toString())
                .put("effective_to", p.effectiveTo().toString());
        ArrayNode pre = o.putArray("preexisting_conditions");
        p.preexistingConditions().forEach(pre::add);
        ObjectNode ded = o.putObject("deductibles");
        p.deductibles().forEach((k, m) -> ded.put(k, m.toString()));
        if (p.claimFreeEditions() != null) {
            o.put("claim_free_editions", p.claimFreeEditions());
        }
        if (p.preexisting() != null) {
            o.put("preexisting", p.preexisting());
        }
        o.put("created_at", v.policy().createdAt().toString());
        o.set("accumulators", AccumulatorsJson.write(v.accumulators()));
        return o;
    }
}
