package com.huibao.gateway.adapter.http.json;

import com.huibao.gateway.codec.AdjudicationJson;
import com.huibao.gateway.domain.claim.ApprovedClaim;
import com.huibao.gateway.domain.claim.Confirmation;
import com.huibao.gateway.domain.claim.PayeeSplit;
import java.nio.charset.StandardCharsets;

/**
 * The confirm response: the adjudication in the shape of {@code expected-*.json}, {@code state} CONFIRMED, the
 * confirmation time, and on every policy its split between hospital and patient and, if it pays, its
 * {@code claim_id}. Written once, stored with the confirmation and answered as stored ever after.
 */
public final class ConfirmationJson {
    private ConfirmationJson() {}

    public static String write(Confirmation c) {
        byte[] body = AdjudicationJson.bytes(
                c.adjudication(),
                (p, g) -> {
                    g.writeStringField(
                            "claim_id",
                            c.claimOf(p.policyNo()).map(ApprovedClaim::claimId).orElse(null));
                    PayeeSplit.Share share = c.shares().get(p.policyNo());
                    g.writeStringField("pays_hospital", share.hospital().toString());
                    g.writeStringField("pays_patient", share.patient().toString());
                },
                g -> {
                    g.writeStringField("state", "CONFIRMED");
                    g.writeStringField("confirmed_at", c.confirmedAt().toString());
                });
        return new String(body, StandardCharsets.UTF_8);
    }
}
