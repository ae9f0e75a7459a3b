package com.huibao.gateway.adapter.http.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.app.port.DirectSettlementRecord;
import com.huibao.gateway.app.port.SettlementStore;
import com.huibao.gateway.codec.AdjudicationJson;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.domain.benefit.Adjudication;

/**
 * What hospitals and the data feed are answered, besides the confirm and reversal responses ({@link ConfirmationJson},
 * {@link ReversalJson}, stored with what they answer) and the statement ({@code StatementJson}).
 */
public final class HospitalResponses {
    private HospitalResponses() {}

    /** A preview's answer, written straight to bytes: the adjudication and its state. */
    public static byte[] preview(Adjudication a) {
        return AdjudicationJson.bytes(a, g -> g.writeStringField("state", "PREVIEW"));
    }

    /** The stored confirmation with its current state (and, once reversed, when). */
    public static ObjectNode directSettlement(DirectSettlementRecord r) {
        ObjectNode body = (ObjectNode) Json.parse(r.confirmResponse());
        body.put("state", r.state());
        if (r.reversedAt() != null) {
            body.put("reversed_at", r.reversedAt().toString());
        }
        return body;
    }

    public static ObjectNode intake(String setlId, SettlementStore.Intake intake) {
        return Json.object()
                .put("setl_id", setlId)
                .put("state", "RECEIVED")
                .put("received_at", intake.receivedAt().toString())
                .put("replay", !intake.created());
    }
}
