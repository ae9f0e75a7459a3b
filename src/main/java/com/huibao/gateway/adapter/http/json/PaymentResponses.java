package com.huibao.gateway.adapter.http.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.app.port.RemittanceStore;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.domain.payment.PaymentBatch;
import com.huibao.gateway.domain.payment.Remittance;
import java.util.List;

/** The contract's {@code PaymentBatchResult} (stored with the batch) and {@code Remittances}. */
public final class PaymentResponses {
    private PaymentResponses() {}

    /** The answer to a new batch, as stored and sent again to a replay. */
    public static String batch(String insurerId, PaymentBatch b, Remittance.Applied a) {
        ObjectNode out = Json.object()
                .put("batch_id", b.batchId())
                .put("insurer_id", insurerId)
                .put("payee", b.payee())
                .put("amount", b.amount().toString())
                .put("value_date", b.valueDate().toString())
                .put("applied", a.applied().toString())
                .put("unapplied", a.unapplied().toString());
        ArrayNode items = out.putArray("items");
        for (Remittance.ItemResult r : a.items()) {
            items.addObject()
                    .put("claim_id", r.claimId())
                    .put("amount", r.amount().toString())
                    .put("applied", r.applied().toString())
                    .put("unapplied", r.unapplied().toString())
                    .put("outcome", r.outcome().name())
                    .put(
                            "claim_state",
                            r.claimState() == null ? null : r.claimState().name())
                    .put(
                            "outstanding",
                            r.outstanding() == null ? null : r.outstanding().toString());
        }
        return Json.write(out);
    }

    public static ObjectNode remittances(List<RemittanceStore.Remittance> list) {
        ObjectNode out = Json.object();
        ArrayNode items = out.putArray("remittances");
        list.forEach(r -> items.add(Json.parse(r.response())));
        return out;
    }
}
