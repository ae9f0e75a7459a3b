package com.huibao.gateway.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.huibao.gateway.adapter.http.json.PaymentResponses;
import com.huibao.gateway.app.payment.ListRemittancesUseCase;
import com.huibao.gateway.app.payment.PostPaymentBatchUseCase;
import com.huibao.gateway.app.security.Principal;
import com.huibao.gateway.codec.Canonical;
import com.huibao.gateway.crypto.Sm3;
import com.huibao.gateway.domain.money.AmountFormatException;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.payment.PaymentBatch;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import com.huibao.gateway.domain.validation.Violation;
import io.vertx.ext.web.RoutingContext;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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
                    item.path("claim_id").asText(), money(item, "amount", "items[" + i + "].amount")));
        }
        PaymentBatch batch = new PaymentBatch(
                b.path("batch_id").asText(),
                b.path("payee").asText(),
                money(b, "amount", "amount"),
                date(b.path("value_date").asText(), "value_date"),
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
                        date(from, "from"),
                        date(to, "to"),
                        limit == null ? DEFAULT_PAGE : Integer.parseInt(limit))
                .onSuccess(l -> Responses.json(rc, 200, PaymentResponses.remittances(l)))
                .onFailure(rc::fail);
    }

    private static Money money(JsonNode n, String name, String field) {
        try {
            return Money.parse(n.path(name).asText());
        } catch (AmountFormatException e) {
            throw InvalidDocumentException.malformed(
                    List.of(new Violation(field, "INVALID_AMOUNT", "an amount in yuan with two decimals")));
        }
    }

    private static LocalDate date(String text, String field) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw InvalidDocumentException.malformed(
                    List.of(new Violation(field, "INVALID_DATE", field + " must be yyyy-MM-dd")));
        }
    }
}
