package com.huibao.gateway.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.huibao.gateway.adapter.http.json.PatientResponses;
import com.huibao.gateway.app.patient.GetMyAccessLogUseCase;
import com.huibao.gateway.app.patient.GetMyClaimUseCase;
import com.huibao.gateway.app.patient.GrantConsentUseCase;
import com.huibao.gateway.app.patient.ListMyClaimsUseCase;
import com.huibao.gateway.app.patient.ListMyConsentsUseCase;
import com.huibao.gateway.app.patient.ListMyPoliciesUseCase;
import com.huibao.gateway.app.patient.RevokeConsentUseCase;
import com.huibao.gateway.domain.consent.Purpose;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import com.huibao.gateway.domain.validation.Violation;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/** The patient's own policies and consents ({@code /v1/me/*}), and the demo sign-in. */
public final class PatientHandlers {
    /** The patient's use cases, one per operation. */
    public record UseCases(
            ListMyPoliciesUseCase policies,
            ListMyConsentsUseCase consents,
            GrantConsentUseCase grant,
            RevokeConsentUseCase revoke,
            ListMyClaimsUseCase claims,
            GetMyClaimUseCase claim,
            GetMyAccessLogUseCase accessLog) {}

    private final UseCases cases;
    /** Demo mode only: an ID token of the demo patient; null outside demo mode. */
    private final Supplier<String> demoToken;

    public PatientHandlers(UseCases cases, Supplier<String> demoToken) {
        this.cases = cases;
        this.demoToken = demoToken;
    }

    void policies(RoutingContext rc) {
        cases.policies()
                .execute(RequestContext.principal(rc))
                .onSuccess(list -> Responses.json(rc, 200, PatientResponses.policies(list)))
                .onFailure(rc::fail);
    }

    void consents(RoutingContext rc) {
        cases.consents()
                .execute(RequestContext.principal(rc))
                .onSuccess(list -> Responses.json(rc, 200, PatientResponses.consents(list)))
                .onFailure(rc::fail);
    }

    void grant(RoutingContext rc) {
        JsonNode body = Bodies.tree(rc);
        Set<Purpose> purposes = EnumSet.noneOf(Purpose.class);
        body.get("purposes").forEach(p -> purposes.add(Purpose.valueOf(p.asText())));
        LocalDate coversFrom;
        Instant expiresAt;
        try {
            coversFrom = LocalDate.parse(body.get("covers_from").asText());
            expiresAt = OffsetDateTime.parse(body.get("expires_at").asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidDocumentException.malformed(List.of(new Violation(
                    "expires_at",
                    "INVALID_DATE_TIME",
                    "covers_from must be YYYY-MM-DD and expires_at an RFC 3339 date-time")));
        }
        cases.grant()
                .execute(RequestContext.principal(rc), body.get("insurer_id").asText(), purposes, coversFrom, expiresAt)
                .onSuccess(g -> Responses.json(rc, 201, PatientResponses.granted(g)))
                .onFailure(rc::fail);
    }

    void revoke(RoutingContext rc) {
        UUID id;
        try {
            id = UUID.fromString(rc.pathParam("id"));
        } catch (IllegalArgumentException e) {
            throw InvalidDocumentException.malformed(List.of(new Violation("id", "INVALID_ID", "id must be a UUID")));
        }
        cases.revoke()
                .execute(RequestContext.principal(rc), id)
                .onSuccess(c -> Responses.json(rc, 200, PatientResponses.consent(c)))
                .onFailure(rc::fail);
    }

    void claims(RoutingContext rc) {
        cases.claims()
                .execute(RequestContext.principal(rc))
                .onSuccess(list -> Responses.json(rc, 200, PatientResponses.claims(list)))
                .onFailure(rc::fail);
    }

    void claim(RoutingContext rc) {
        cases.claim()
                .execute(RequestContext.principal(rc), rc.pathParam("claim_id"))
                .onSuccess(e -> Responses.json(rc, 200, PatientResponses.claimDetail(e)))
                .onFailure(rc::fail);
    }

    void accessLog(RoutingContext rc) {
        cases.accessLog()
                .execute(RequestContext.principal(rc))
                .onSuccess(list -> Responses.json(rc, 200, PatientResponses.accessLog(list)))
                .onFailure(rc::fail);
    }

    void demoToken(RoutingContext rc) {
        if (demoToken == null) {
            Problems.send(rc, ProblemMapper.status(404));
            return;
        }
        Responses.json(rc, 200, PatientResponses.demoToken(demoToken.get()));
    }
}
