package com.huibao.gateway.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.huibao.gateway.adapter.http.json.PreAuthResponses;
import com.huibao.gateway.app.preauth.DecidePreAuthorizationUseCase;
import com.huibao.gateway.app.preauth.GetPreAuthorizationUseCase;
import com.huibao.gateway.app.preauth.ListMyPreAuthorizationsUseCase;
import com.huibao.gateway.app.preauth.ListPreAuthorizationsUseCase;
import com.huibao.gateway.app.preauth.RequestPreAuthorizationUseCase;
import com.huibao.gateway.app.preauth.WithdrawPreAuthorizationUseCase;
import com.huibao.gateway.domain.preauth.DrugRef;
import com.huibao.gateway.domain.preauth.PreAuthState;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import com.huibao.gateway.domain.validation.Violation;
import io.vertx.ext.web.RoutingContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Pre-authorizations (特药申请): applications, the insurer's queue and decisions, withdrawals, the patient's list. */
public final class PreAuthHandlers {
    private static final int DEFAULT_PAGE = 100;

    /** The use cases, one per operation. */
    public record UseCases(
            RequestPreAuthorizationUseCase request,
            DecidePreAuthorizationUseCase decide,
            WithdrawPreAuthorizationUseCase withdraw,
            GetPreAuthorizationUseCase get,
            ListPreAuthorizationsUseCase list,
            ListMyPreAuthorizationsUseCase mine) {}

    private final UseCases cases;
    private final Clock clock;
    private final ZoneId zone;

    public PreAuthHandlers(UseCases cases, Clock clock, ZoneId zone) {
        this.cases = cases;
        this.clock = clock;
        this.zone = zone;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    void request(RoutingContext rc) {
        JsonNode b = Bodies.tree(rc);
        List<String> documents = new ArrayList<>();
        b.path("documents").forEach(d -> documents.add(d.asText()));
        JsonNode drug = b.path("drug");
        RequestPreAuthorizationUseCase.Application a = new RequestPreAuthorizationUseCase.Application(
                b.path("policy_no").asText(),
                text(b, "psn_cert_type"),
                text(b, "certno"),
                new DrugRef(text(drug, "code"), text(drug, "generic_name")),
                new BigDecimal(b.path("quantity").asText()),
                b.path("days_supply").asInt(),
                text(b, "diagnosis"),
                text(b, "prescriber"),
                documents);
        cases.request()
                .execute(RequestContext.principal(rc), a)
                .onSuccess(p -> Responses.json(rc, 201, PreAuthResponses.one(p, today())))
                .onFailure(rc::fail);
    }

    void list(RoutingContext rc) {
        String state = rc.queryParams().get("state");
        String limit = rc.queryParams().get("limit");
        cases.list()
                .execute(
                        RequestContext.principal(rc),
                        state == null ? null : PreAuthState.valueOf(state),
                        limit == null ? DEFAULT_PAGE : Integer.parseInt(limit))
                .onSuccess(l -> Responses.json(rc, 200, PreAuthResponses.list(l, today())))
                .onFailure(rc::fail);
    }

    void get(RoutingContext rc) {
        cases.get()
                .execute(RequestContext.principal(rc), id(rc))
                .onSuccess(p -> Responses.json(rc, 200, PreAuthResponses.one(p, today())))
                .onFailure(rc::fail);
    }

    void decide(RoutingContext rc) {
        JsonNode b = Bodies.tree(rc);
        DecidePreAuthorizationUseCase.Decision d;
        if ("APPROVE".equals(b.path("decision").asText())) {
            if (!b.hasNonNull("quantity") || !b.hasNonNull("valid_to")) {
                throw InvalidDocumentException.malformed(List.of(new Violation(
                        "quantity",
                        "REQUIRED",
                        "an approval names the quantity and valid_to (valid_from defaults to today)")));
            }
            d = new DecidePreAuthorizationUseCase.Approve(
                    new BigDecimal(b.get("quantity").asText()),
                    b.hasNonNull("valid_from") ? date(b, "valid_from") : today(),
                    date(b, "valid_to"));
        } else {
            d = new DecidePreAuthorizationUseCase.Deny(b.path("reason").asText("denied"));
        }
        cases.decide()
                .execute(RequestContext.principal(rc), id(rc), d)
                .onSuccess(p -> Responses.json(rc, 200, PreAuthResponses.one(p, today())))
                .onFailure(rc::fail);
    }

    void withdraw(RoutingContext rc) {
        cases.withdraw()
                .execute(RequestContext.principal(rc), id(rc))
                .onSuccess(p -> Responses.json(rc, 200, PreAuthResponses.one(p, today())))
                .onFailure(rc::fail);
    }

    void mine(RoutingContext rc) {
        cases.mine()
                .execute(RequestContext.principal(rc))
                .onSuccess(l -> Responses.json(rc, 200, PreAuthResponses.list(l, today())))
                .onFailure(rc::fail);
    }

    private static UUID id(RoutingContext rc) {
        try {
            return UUID.fromString(rc.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw InvalidDocumentException.malformed(List.of(new Violation("id", "INVALID_ID", "id must be a UUID")));
        }
    }

    private static LocalDate date(JsonNode b, String name) {
        try {
            return LocalDate.parse(b.get(name).asText());
        } catch (DateTimeParseException e) {
            throw InvalidDocumentException.malformed(
                    List.of(new Violation(name, "INVALID_DATE", name + " must be YYYY-MM-DD")));
        }
    }

    private static String text(JsonNode n, String name) {
        JsonNode v = n.get(name);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
    }
}
