package com.huibao.gateway.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.adapter.http.json.ConfirmationJson;
import com.huibao.gateway.adapter.http.json.HospitalResponses;
import com.huibao.gateway.adapter.http.json.ReversalJson;
import com.huibao.gateway.app.Failure;
import com.huibao.gateway.app.port.StoredSettlement;
import com.huibao.gateway.app.security.Principal;
import com.huibao.gateway.app.security.Role;
import com.huibao.gateway.app.settlement.ConfirmDirectSettlementUseCase;
import com.huibao.gateway.app.settlement.GetDirectSettlementUseCase;
import com.huibao.gateway.app.settlement.PreviewDirectSettlementUseCase;
import com.huibao.gateway.app.settlement.ReconciliationUseCase;
import com.huibao.gateway.app.settlement.ReverseDirectSettlementUseCase;
import com.huibao.gateway.codec.Canonical;
import com.huibao.gateway.codec.ReversalReader;
import com.huibao.gateway.codec.SettlementReader;
import com.huibao.gateway.codec.StatementJson;
import com.huibao.gateway.crypto.Sm3;
import com.huibao.gateway.domain.settlement.Settlement;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/** The hospital's direct-settlement operations (SPEC §1 flow 1). */
public final class HospitalHandlers {
    /** Response header carrying the SM3 digest of the canonical statement, in both JSON and CSV. */
    public static final String DIGEST_HEADER = "Huibao-Statement-SM3";

    private final PreviewDirectSettlementUseCase preview;
    private final ConfirmDirectSettlementUseCase confirm;
    private final GetDirectSettlementUseCase get;
    private final ReverseDirectSettlementUseCase reverse;
    private final ReconciliationUseCase reconciliation;
    private final SettlementReader reader;

    public HospitalHandlers(
            PreviewDirectSettlementUseCase preview,
            ConfirmDirectSettlementUseCase confirm,
            GetDirectSettlementUseCase get,
            ReverseDirectSettlementUseCase reverse,
            ReconciliationUseCase reconciliation,
            SettlementReader reader) {
        this.reader = reader;
        this.preview = preview;
        this.confirm = confirm;
        this.get = get;
        this.reverse = reverse;
        this.reconciliation = reconciliation;
    }

    void preview(RoutingContext rc) {
        Principal hospital = RequestContext.principal(rc);
        Settlement s = reader.read(Bodies.tree(rc), hospital.tenant());
        preview.execute(hospital, s)
                .onSuccess(a -> Responses.json(rc, 200, HospitalResponses.preview(a)))
                .onFailure(rc::fail);
    }

    void confirm(RoutingContext rc) {
        Principal hospital = RequestContext.principal(rc);
        StoredSettlement s =
                received(rc, reader, hospital.role() == Role.PHARMACY ? "PHARMACY" : "HOSPITAL", hospital.tenant());
        confirm.execute(hospital, rc.pathParam("setl_id"), s, s.contentHash(), ConfirmationJson::write)
                .onSuccess(response -> raw(rc, 200, response))
                .onFailure(rc::fail);
    }

    void get(RoutingContext rc) {
        get.execute(RequestContext.principal(rc), rc.pathParam("setl_id"))
                .onSuccess(r -> Responses.json(rc, 200, HospitalResponses.directSettlement(r)))
                .onFailure(rc::fail);
    }

    /**
     * 冲正, with or without the reversal message (a 2208/2305 output naming the settlement): when sent, it must name
     * this settlement and this hospital.
     */
    void reverse(RoutingContext rc) {
        Principal hospital = RequestContext.principal(rc);
        String setlId = rc.pathParam("setl_id");
        if (rc.body() != null && rc.body().length() > 0) {
            ReversalReader.ReversalMessage message = ReversalReader.read(Bodies.tree(rc), setlId);
            if (message.fixmedinsCode() != null && !message.fixmedinsCode().equals(hospital.tenant())) {
                throw new Failure.Forbidden(
                        "TENANT_MISMATCH",
                        "fixmedins_code " + message.fixmedinsCode() + " is not the calling hospital's code");
            }
        }
        reverse.execute(hospital, setlId, ReversalJson::write)
                .onSuccess(response -> raw(rc, 200, response))
                .onFailure(rc::fail);
    }

    void reconciliation(RoutingContext rc) {
        LocalDate date = LocalDate.parse(rc.pathParam("date"));
        boolean csv = String.valueOf(rc.request().getHeader("Accept")).contains("text/csv");
        reconciliation
                .execute(RequestContext.principal(rc), date)
                .onSuccess(statement -> {
                    if (csv) {
                        // the CSV's digest is over its exact bytes: the file alone reproduces it
                        byte[] bytes = StatementJson.csv(statement).getBytes(StandardCharsets.UTF_8);
                        rc.response().putHeader(DIGEST_HEADER, Sm3.hex(bytes));
                        Responses.end(rc, 200, "text/csv; charset=utf-8", Buffer.buffer(bytes));
                    } else {
                        ObjectNode body = StatementJson.body(statement);
                        String digest = Sm3.hex(Canonical.bytes(body));
                        rc.response().putHeader(DIGEST_HEADER, digest);
                        body.putObject("digest")
                                .put("algorithm", "SM3")
                                .put("value", digest)
                                .put("over", "canonical JSON of this statement without its digest member");
                        Responses.json(rc, 200, body);
                    }
                })
                .onFailure(rc::fail);
    }

    /**
     * The request body as a settlement to store: read (either spelling), as sent, and its canonical SM3 content hash.
     *
     * @param institution the {@code fixmedins_code} of a settlement that carries none (the caller's), or null
     */
    static StoredSettlement received(RoutingContext rc, SettlementReader reader, String source, String institution) {
        byte[] body = rc.body().buffer().getBytes();
        JsonNode doc = Bodies.tree(rc);
        Settlement s = reader.read(doc, institution);
        return new StoredSettlement(s, new String(body, StandardCharsets.UTF_8), Sm3.hex(Canonical.bytes(doc)), source);
    }

    static void raw(RoutingContext rc, int status, String json) {
        Responses.end(rc, status, "application/json", Buffer.buffer(json));
    }
}
