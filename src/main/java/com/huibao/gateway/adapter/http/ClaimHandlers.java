package com.huibao.gateway.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.huibao.gateway.adapter.http.json.ClaimResponses;
import com.huibao.gateway.app.insurer.GetClaimUseCase;
import com.huibao.gateway.app.insurer.ListClaimsUseCase;
import com.huibao.gateway.app.insurer.PayClaimUseCase;
import com.huibao.gateway.app.insurer.QuickClaimUseCase;
import com.huibao.gateway.app.port.ClaimStore;
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
    private static final int DEFAULT_PAGE = 50;

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
                        limit == null ? DEFAULT_PAGE : Integer.parseInt(limit))
                .onSuccess(page -> Responses.json(rc, 200, ClaimResponses.page(page)))
                .onFailure(rc::fail);
    }

    void get(RoutingContext rc) {
        get.execute(RequestContext.principal(rc), rc.pathParam("claim_id"))
                .onSuccess(c -> Responses.json(rc, 200, ClaimResponses.detail(c)))
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
                .onSuccess(c -> Responses.json(rc, 200, ClaimResponses.summary(c)))
                .onFailure(rc::fail);
    }

    void quickClaim(RoutingContext rc) {
        JsonNode body = Bodies.tree(rc);
        quick.execute(
                        RequestContext.principal(rc),
                        body.get("setl_id").asText(),
                        body.get("policy_no").asText())
                .onSuccess(o -> Responses.json(rc, o.replay() ? 200 : 201, ClaimResponses.quickClaim(o)))
                .onFailure(rc::fail);
    }

    private static LocalDate date(RoutingContext rc, String name) {
        String v = rc.queryParams().get(name);
        return v == null ? null : LocalDate.parse(v);
    }
}
