package com.huibao.gateway.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.adapter.http.json.RefundJson;
import com.huibao.gateway.app.settlement.RefundDirectSettlementUseCase;
import com.huibao.gateway.codec.Canonical;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.crypto.Sm3;
import io.vertx.ext.web.RoutingContext;

/** Partial refunds (退费) of confirmed direct settlements. */
public final class RefundHandlers {
    private final RefundDirectSettlementUseCase refund;

    public RefundHandlers(RefundDirectSettlementUseCase refund) {
        this.refund = refund;
    }

    /** {@code {"refund_id", "setlinfo": {negative amounts}, "feedetail": [refund lines]}}. */
    void refund(RoutingContext rc) {
        JsonNode body = Bodies.tree(rc);
        ObjectNode document = ((ObjectNode) body).deepCopy();
        String refundId = document.remove("refund_id").asText();
        refund.execute(
                        RequestContext.principal(rc),
                        rc.pathParam("setl_id"),
                        refundId,
                        Json.write(document),
                        Sm3.hex(Canonical.bytes(body)),
                        RefundJson::write)
                .onSuccess(o -> HospitalHandlers.raw(rc, o.replay() ? 200 : 201, o.response()))
                .onFailure(rc::fail);
    }
}
