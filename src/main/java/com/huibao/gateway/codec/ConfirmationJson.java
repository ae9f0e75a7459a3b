package com.huibao.gateway.codec;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.app.port.Confirmation;
import com.huibao.gateway.domain.claim.PayeeSplit;
import java.time.Instant;

/**
 * The confirm response: the adjudication in the shape of {@code expected-*.json}, {@code state} CONFIRMED, the
 * confirmation time, and on every paying policy its {@code claim_id} and its split between hospital and patient.
 */
public final class ConfirmationJson {
    private ConfirmationJson() {}

    public static ObjectNode write(Confirmation c, Instant confirmedAt) {
        ObjectNode o = AdjudicationJson.write(c.adjudication());
        o.put("state", "CONFIRMED");
        o.put("confirmed_at", confirmedAt.toString());
        ArrayNode policies = (ArrayNode) o.get("policies");
        for (int i = 0; i < policies.size(); i++) {
            ObjectNode p = (ObjectNode) policies.get(i);
            String policyNo = p.get("policy_no").asText();
            p.put("claim_id", c.claimIds().get(policyNo));
            PayeeSplit.Share share = c.shares().get(policyNo);
            p.put("pays_hospital", share.hospital().toString());
            p.put("pays_patient", share.patient().toString());
        }
        return o;
    }
}
