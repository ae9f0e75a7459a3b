package com.huibao.gateway.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.adapter.http.json.ClaimResponses;
import com.huibao.gateway.app.invoice.SubmitInvoiceClaimUseCase;
import com.huibao.gateway.app.port.StoredSettlement;
import com.huibao.gateway.codec.Canonical;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.codec.SettlementReader;
import com.huibao.gateway.crypto.Sm3;
import com.huibao.gateway.domain.settlement.Settlement;
import io.vertx.ext.web.RoutingContext;

/** Claims on invoices (the insurer's and the patient's). */
public final class InvoiceClaimHandlers {
    private final SubmitInvoiceClaimUseCase submit;
    private final SettlementReader reader;

    public InvoiceClaimHandlers(SubmitInvoiceClaimUseCase submit, SettlementReader reader) {
        this.submit = submit;
        this.reader = reader;
    }

    /** {@code {"policy_no", "receipt": {…}, "documents": [sha256…]}}: the receipt read as an invoice. */
    void submit(RoutingContext rc) {
        JsonNode body = Bodies.tree(rc);
        ObjectNode invoice = ((ObjectNode) body).deepCopy();
        String policyNo = invoice.remove("policy_no").asText();
        invoice.put("basis", "INVOICE");
        Settlement s = reader.read(invoice, null);
        StoredSettlement stored =
                new StoredSettlement(s, Json.write(invoice), Sm3.hex(Canonical.bytes(invoice)), "INVOICE");
        submit.execute(RequestContext.principal(rc), policyNo, stored)
                .onSuccess(o -> Responses.json(rc, o.replay() ? 200 : 201, ClaimResponses.invoiceClaim(o)))
                .onFailure(rc::fail);
    }
}
