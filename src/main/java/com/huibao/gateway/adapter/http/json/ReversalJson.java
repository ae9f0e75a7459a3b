package com.huibao.gateway.adapter.http.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.codec.AccumulatorsJson;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.domain.claim.DirectSettlementReversal;
import com.huibao.gateway.domain.claim.SettledClaim;
import java.util.TreeMap;

/**
 * The reversal response: the claims now REVERSED and, per policy, what its accumulators lost. Written once, stored
 * with the reversal and answered as stored ever after.
 */
public final class ReversalJson {
    private ReversalJson() {}

    public static String write(DirectSettlementReversal.Reversed r) {
        ObjectNode o = Json.object();
        o.put("setl_id", r.setlId());
        o.put("state", "REVERSED");
        o.put("confirmed_at", r.confirmedAt().toString());
        o.put("reversed_at", r.reversedAt().toString());
        ArrayNode claims = o.putArray("claims");
        for (SettledClaim c : r.claims()) {
            claims.addObject()
                    .put("claim_id", c.claimId())
                    .put("policy_no", c.policyNo())
                    .put("insurer_id", c.insurerId())
                    .put("payout", c.payout().toString())
                    .put("pays_hospital", c.paysHospital().toString())
                    .put("pays_patient", c.paysPatient().toString())
                    .put("state", c.state().name());
        }
        ObjectNode restored = o.putObject("accumulators_restored");
        new TreeMap<>(r.restored()).forEach((policy, delta) -> restored.set(policy, AccumulatorsJson.write(delta)));
        return Json.write(o);
    }
}
