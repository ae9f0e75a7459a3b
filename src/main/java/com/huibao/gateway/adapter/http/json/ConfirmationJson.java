package com.huibao.gateway.adapter.http.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.codec.AdjudicationJson;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.domain.claim.ApprovedClaim;
import com.huibao.gateway.domain.claim.Confirmation;
import com.huibao.gateway.domain.claim.PayeeSplit;

/**
 * The confirm response: the adjudication in the shape of {@code expected-*.json}, {@code state} CONFIRMED, the
 * confirmation time, and on every policy its split between hospital and patient and, if it pays, its
 * {@code claim_id}. Written once, stored with the confirmation and answered as stored ever after.
 */
public final class ConfirmationJson {
    private ConfirmationJson() {}

    public static String write(Confirmation c) {
        ObjectNode o = AdjudicationJson.write(c.adjudication());
        o.put("state", "CONFIRMED");
        o.put("confirmed_at", c.confirmedAt().toString());
        ArrayNode policies = (ArrayNode) o.get("policies");
        for (int i = 0; i < policies.size(); i++) {
            ObjectNode p = (ObjectNode) policies.get(i);
            String policyNo = p.get("policy_no").asText();
            p.put("claim_id", c.claimOf(policyNo).map(ApprovedClaim::claimId).orElse(null));
            PayeeSplit.Share share = c.shares().get(policyNo);
            p.put("pays_hospital", share.hospital().toString());
            p.put("pays_patient", share.patient().toString());
        }
        return Json.write(o);
    }
}
