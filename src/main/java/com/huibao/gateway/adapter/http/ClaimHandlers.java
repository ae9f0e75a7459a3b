package com.huibao.gateway.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.app.insurer.GetClaimUseCase;
import com.huibao.gateway.app.insurer.ListClaimsUseCase;
import com.huibao.gateway.app.insurer.PayClaimUseCase;
import com.huibao.gateway.app.insurer.QuickClaimUseCase;
import com.huibao.gateway.app.port.ClaimStore;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.domain.settlement.Provenance;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import com.huibao.gateway.domain.validation.Violation;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The insurer's claims: list, detail, payment, quick claims. */
public final class ClaimHandlers {
    private final ListClaimsUseCase list;
    private final GetClaimUseCase get;
    private final PayClaimUseCase pay;
    private final QuickClaimUseCase quick;

    public ClaimHandlers(ListClaimsUseCase list, GetClaimUseCase get, PayClaimUseCase pay, QuickClaimUseCase quick) {
        this.list = list;
        this.get = get;
        this.pay = pay;
        this.quick = quick;
    }

    void list(RoutingContext rc) {
        ClaimStore.Filter filter = new ClaimStore.Filter(
                rc.queryParams().get("status"),
                date(rc, "created_from"),
                date(rc, "created_to"),
                rc.queryParams().get("policy_no"));
        String limit = rc.queryParams().get("limit");
        list.execute(
                        RequestContext.principal(rc),
                        filter,
                        rc.queryParams().get("cursor"),
                        limit == null ? 50 : Integer.parseInt(limit))
                .onSuccess(page -> {
                    ObjectNode out = Json.object();
                    ArrayNode items = out.putArray("claims");
                    page.claims().forEach(c -> items.add(summary(c)));
                    out.put("next_cursor", page.nextCursor());
                    OpsHandlers.json(rc, 200, out);
                })
                .onFailure(rc::fail);
    }

    void get(RoutingContext rc) {
        get.execute(RequestContext.principal(rc), rc.pathParam("claim_id"))
                .onSuccess(c ->
                        OpsHandlers.json(rc, 200, (ObjectNode) summary(c).set("result", Json.parse(c.result()))))
                .onFailure(rc::fail);
    }

    void pay(RoutingContext rc) {
        JsonNode body = Bodies.tree(rc);
        Instant paidAt;
        try {
            paidAt = OffsetDateTime.parse(body.get("paid_at").asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidDocumentException.malformed(
                    List.of(new Violation("paid_at", "INVALID_DATE_TIME", "paid_at must be an RFC 3339 date-time")));
        }
        pay.execute(
                        RequestContext.principal(rc),
                        rc.pathParam("claim_id"),
                        body.get("payment_ref").asText(),
                        paidAt)
                .onSuccess(c -> OpsHandlers.json(rc, 200, summary(c)))
                .onFailure(rc::fail);
    }

    void quickClaim(RoutingContext rc) {
        JsonNode body = Bodies.tree(rc);
        quick.execute(
                        RequestContext.principal(rc),
                        body.get("setl_id").asText(),
                        body.get("policy_no").asText())
                .onSuccess(o -> {
                    ClaimStore.Claim c = o.claim();
                    ObjectNode out = (ObjectNode) Json.parse(c.result());
                    out.put("claim_id", c.claimId())
                            .put("state", c.state())
                            .put("setl_id", c.setlId())
                            .put("channel", c.channel())
                            .put("replay", o.replay());
                    OpsHandlers.json(rc, o.replay() ? 200 : 201, out);
                })
                .onFailure(rc::fail);
    }

    static ObjectNode summary(ClaimStore.Claim c) {
        ObjectNode o = Json.object();
        o.put("claim_id", c.claimId())
                .put("setl_id", c.setlId())
                .put("policy_no", c.policyNo())
                .put("insurer_id", c.insurerId())
                .put("plan_id", c.planId())
                .put("plan_version", c.planVersion())
                .put("channel", c.channel())
                .put("state", c.state())
                .put("payout", c.payout().toString())
                .put("pays_hospital", c.paysHospital().toString())
                .put("pays_patient", c.paysPatient().toString())
                .put("created_at", c.createdAt().toString())
                .put("paid_at", c.paidAt() == null ? null : c.paidAt().toString())
                .put("payment_ref", c.paymentRef())
                .put(
                        "reversed_at",
                        c.reversedAt() == null ? null : c.reversedAt().toString());
        Provenance p = c.provenance();
        o.putObject("settlement")
                .put("message_kind", p.kind().name())
                .put("infno", p.infno())
                .put("msgid", p.msgid())
                .put("medins_setl_id", p.medinsSetlId())
                .put("clr_optins", p.clrOptins());
        return o;
    }

    private static LocalDate date(RoutingContext rc, String name) {
        String v = rc.queryParams().get(name);
        return v == null ? null : LocalDate.parse(v);
    }
}
