package com.huibao.gateway.adapter.http.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.app.patient.GrantConsentUseCase;
import com.huibao.gateway.app.port.AccessLog;
import com.huibao.gateway.app.port.ClaimStore;
import com.huibao.gateway.app.port.InsurerCatalogStore;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.domain.consent.Consent;
import java.util.List;

/** What the patient's page reads: their policies, consents, claims and access log ({@code /v1/me/*}). */
public final class PatientResponses {
    private PatientResponses() {}

    public static ObjectNode policies(List<InsurerCatalogStore.StoredPolicy> list) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        list.forEach(p -> out.addObject()
                .put("policy_no", p.policy().policyNo())
                .put("plan_id", p.policy().planId())
                .put("insurer_id", p.policy().insurerId())
                .put("edition", p.policy().edition())
                .put("certno", p.certnoMasked())
                .put("effective_from", p.policy().effectiveFrom().toString())
                .put("effective_to", p.policy().effectiveTo().toString()));
        return (ObjectNode) Json.object().set("policies", out);
    }

    public static ObjectNode consents(List<Consent> list) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        list.forEach(c -> out.add(consent(c)));
        return (ObjectNode) Json.object().set("consents", out);
    }

    /** A new consent with its signed receipt. */
    public static ObjectNode granted(GrantConsentUseCase.Granted g) {
        return consent(g.consent()).put("receipt", g.receipt());
    }

    public static ObjectNode consent(Consent c) {
        ObjectNode o = Json.object().put("id", c.id().toString()).put("insurer_id", c.insurerId());
        ArrayNode p = o.putArray("purposes");
        c.purposes().stream().map(Enum::name).sorted().forEach(p::add);
        return o.put("covers_from", c.coversFrom().toString())
                .put("expires_at", c.expiresAt().toString())
                .put("granted_at", c.grantedAt().toString())
                .put("revoked_at", c.revokedAt() == null ? null : c.revokedAt().toString());
    }

    public static ObjectNode claims(List<ClaimStore.PatientClaim> list) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        list.forEach(c -> out.addObject()
                .put("claim_id", c.claimId())
                .put("setl_id", c.setlId())
                .put("setl_time", c.setlTime() == null ? null : c.setlTime().toString())
                .put("insurer_id", c.insurerId())
                .put("policy_no", c.policyNo())
                .put("channel", c.channel())
                .put("state", c.state())
                .put("payout", c.payout().toString())
                .put("residual_self_pay", c.residualSelfPay().toString()));
        return (ObjectNode) Json.object().set("claims", out);
    }

    public static ObjectNode accessLog(List<AccessLog.Entry> list) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        list.forEach(e -> out.addObject()
                .put("at", e.at().toString())
                .put("actor_role", e.actorRole())
                .put("actor_id", e.actorId())
                .put("actor_tenant", e.actorTenant())
                .put("action", e.action())
                .put("purpose", e.purpose())
                .put("subject", e.subject()));
        return (ObjectNode) Json.object().set("entries", out);
    }

    /** DEMO ONLY: a token of the demo patient. */
    public static ObjectNode demoToken(String token) {
        return Json.object()
                .put("id_token", token)
                .put("token_type", "Bearer")
                .put("note", "DEMO ONLY: a token of the demo patient from the demo identity provider");
    }
}
