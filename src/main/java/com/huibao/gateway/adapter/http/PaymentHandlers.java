package com.huibao.gateway.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.huibao.gateway.adapter.http.json.PaymentResponses;
import com.huibao.gateway.app.payment.ListRemittancesUseCase;
import com.huibao.gateway.app.payment.PostPaymentBatchUseCase;
import com.huibao.gateway.app.security.Principal;
import com.huibao.gateway.codec.Canonical;
import com.huibao.gateway.crypto.Sm3;
import com.huibao.gateway.domain.payment.PaymentBatch;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;

/** Insurers' payment batches to hospitals and pharmacies, and the payees' remittances. */
public final class PaymentHandlers {
    private static final int DEFAULT_PAGE = 100;

    private final PostPaymentBatchUseCase post;
    private final ListRemittancesUseCase remittances;

    public PaymentHandlers(PostPaymentBatchUseCase post, ListRemittancesUseCase remittances) {
        this.post = post;
        this.remittances = remittances;
    }

    void post(RoutingContext rc) {
        JsonNode b = Bodies.tree(rc);
        List<PaymentBatch.Item> items = new ArrayList<>();
        JsonNode list = b.path("items");
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            items.add(new PaymentBatch.Item(
                    item.path("claim_id").asText(), RequestValues.money(item, "amount", "items[" + i + "].amount")));
        }
        PaymentBatch batch = new PaymentBatch(
                b.path("batch_id").asText(),
                b.path("payee").asText(),
                RequestValues.money(b, "amount", "amount"),
                RequestValues.date(b.path("value_date").asText(), "value_date"),
                items);
        Principal insurer = RequestContext.principal(rc);
        post.execute(
                        insurer,
                        batch,
                        Sm3.hex(Canonical.bytes(b)),
                        applied -> PaymentResponses.batch(insurer.tenant(), batch, applied))
                .onSuccess(o -> HospitalHandlers.raw(rc, o.replay() ? 200 : 201, o.response()))
                .onFailure(rc::fail);
    }

    void remittances(RoutingContext rc) {
        String from = rc.queryParams().get("from");
        String to = rc.queryParams().get("to");
        String limit = rc.queryParams().get("limit");
        remittances
                .execute(
                        RequestContext.principal(rc),
                        RequestValues.date(from, "from"),
                        RequestValues.date(to, "to"),
                        limit == null ? DEFAULT_PAGE : Integer.parseInt(limit))
                .onSuccess(l -> Responses.json(rc, 200, PaymentResponses.remittances(l)))
                .onFailure(rc::fail);
    }
}
