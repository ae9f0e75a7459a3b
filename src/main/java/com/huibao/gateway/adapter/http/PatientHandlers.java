package com.huibao.gateway.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.app.patient.GetMyAccessLogUseCase;
import com.huibao.gateway.app.patient.GrantConsentUseCase;
import com.huibao.gateway.app.patient.ListMyClaimsUseCase;
import com.huibao.gateway.app.patient.ListMyConsentsUseCase;
import com.huibao.gateway.app.patient.ListMyPoliciesUseCase;
import com.huibao.gateway.app.patient.RevokeConsentUseCase;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.domain.consent.Consent;
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
                .onSuccess(list -> {
                    ArrayNode out = Json.MAPPER.createArrayNode();
                    list.forEach(p -> out.addObject()
                            .put("policy_no", p.policy().policyNo())
                            .put("plan_id", p.policy().planId())
                            .put("insurer_id", p.policy().insurerId())
                            .put("edition", p.policy().edition())
                            .put("certno", p.certnoMasked())
                            .put("effective_from", p.policy().effectiveFrom().toString())
                            .put("effective_to", p.policy().effectiveTo().toString()));
                    OpsHandlers.json(rc, 200, Json.object().set("policies", out));
                })
                .onFailure(rc::fail);
    }

    void consents(RoutingContext rc) {
        cases.consents()
                .execute(RequestContext.principal(rc))
                .onSuccess(list -> {
                    ArrayNode out = Json.MAPPER.createArrayNode();
                    list.forEach(c -> out.add(consent(c)));
                    OpsHandlers.json(rc, 200, Json.object().set("consents", out));
                })
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
                .onSuccess(g -> OpsHandlers.json(rc, 201, consent(g.consent()).put("receipt", g.receipt())))
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
                .onSuccess(c -> OpsHandlers.json(rc, 200, consent(c)))
                .onFailure(rc::fail);
    }

    void claims(RoutingContext rc) {
        cases.claims()
                .execute(RequestContext.principal(rc))
                .onSuccess(list -> {
                    ArrayNode out = Json.MAPPER.createArrayNode();
                    list.forEach(c -> out.addObject()
                            .put("claim_id", c.claimId())
                            .put("setl_id", c.setlId())
                            .put(
                                    "setl_time",
                                    c.setlTime() == null ? null : c.setlTime().toString())
                            .put("insurer_id", c.insurerId())
                            .put("policy_no", c.policyNo())
                            .put("channel", c.channel())
                            .put("state", c.state())
                            .put("payout", c.payout().toString())
                            .put("residual_self_pay", c.residualSelfPay().toString()));
                    OpsHandlers.json(rc, 200, Json.object().set("claims", out));
                })
                .onFailure(rc::fail);
    }

    void accessLog(RoutingContext rc) {
        cases.accessLog()
                .execute(RequestContext.principal(rc))
                .onSuccess(list -> {
                    ArrayNode out = Json.MAPPER.createArrayNode();
                    list.forEach(e -> out.addObject()
                            .put("at", e.at().toString())
                            .put("actor_role", e.actorRole())
                            .put("actor_id", e.actorId())
                            .put("actor_tenant", e.actorTenant())
                            .put("action", e.action())
                            .put("purpose", e.purpose())
                            .put("subject", e.subject()));
                    OpsHandlers.json(rc, 200, Json.object().set("entries", out));
                })
                .onFailure(rc::fail);
    }

    void demoToken(RoutingContext rc) {
        if (demoToken == null) {
            Problems.send(rc, ProblemMapper.status(404));
            return;
        }
        OpsHandlers.json(
                rc,
                200,
                Json.object()
                        .put("id_token", demoToken.get())
                        .put("token_type", "Bearer")
                        .put("note", "DEMO ONLY: a token of the demo patient from the demo identity provider"));
    }

    static ObjectNode consent(Consent c) {
        ObjectNode o = Json.object().put("id", c.id().toString()).put("insurer_id", c.insurerId());
        ArrayNode p = o.putArray("purposes");
        c.purposes().stream().map(Enum::name).sorted().forEach(p::add);
        return o.put("covers_from", c.coversFrom().toString())
                .put("expires_at", c.expiresAt().toString())
                .put("granted_at", c.grantedAt().toString())
                .put("revoked_at", c.revokedAt() == null ? null : c.revokedAt().toString());
    }
}
