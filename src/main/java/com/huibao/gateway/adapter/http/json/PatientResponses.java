package com.huibao.gateway.adapter.http.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.app.patient.GetMyAccessLogUseCase;
import com.huibao.gateway.app.patient.GetMyClaimUseCase;
import com.huibao.gateway.app.patient.GrantConsentUseCase;
import com.huibao.gateway.app.patient.ListMyClaimsUseCase;
import com.huibao.gateway.app.patient.ListMyPoliciesUseCase;
import com.huibao.gateway.app.port.AccessLog;
import com.huibao.gateway.app.port.ClaimStore;
import com.huibao.gateway.app.port.InsurerCatalogStore;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.codec.ReasonTexts;
import com.huibao.gateway.domain.claim.ExplanationOfBenefits;
import com.huibao.gateway.domain.consent.Consent;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.settlement.SetlInfo;
import java.util.List;
import java.util.Locale;

/** What the patient's page reads: their policies, consents, claims and access log ({@code /v1/me/*}). */
public final class PatientResponses {
    private PatientResponses() {}

    public static ObjectNode policies(List<ListMyPoliciesUseCase.MyPolicy> list) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        for (ListMyPoliciesUseCase.MyPolicy m : list) {
            InsurerCatalogStore.StoredPolicy p = m.stored();
            ObjectNode n = out.addObject()
                    .put("policy_no", p.policy().policyNo())
                    .put("plan_id", p.policy().planId())
                    .put("plan_name", m.planName())
                    .put("insurer_id", p.policy().insurerId())
                    .put("insurer_name", m.insurerName())
                    .put("edition", p.policy().edition())
                    .put("claim_free_editions", p.policy().claimFreeEditions())
                    .put("certno", p.certnoMasked())
                    .put("effective_from", p.policy().effectiveFrom().toString())
                    .put("effective_to", p.policy().effectiveTo().toString());
            n.set("balance", m.balance() == null ? null : BalanceJson.write(m.balance()));
        }
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

    public static ObjectNode claims(List<ListMyClaimsUseCase.MyClaim> list) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        list.forEach(m -> claim(out.addObject(), m));
        return (ObjectNode) Json.object().set("claims", out);
    }

    private static void claim(ObjectNode o, ListMyClaimsUseCase.MyClaim m) {
        ClaimStore.PatientClaim c = m.claim();
        o.put("claim_id", c.claimId())
                .put("setl_id", c.setlId())
                .put("setl_time", c.setlTime() == null ? null : c.setlTime().toString())
                .put("insurer_id", c.insurerId())
                .put("policy_no", c.policyNo())
                .put("channel", c.channel())
                .put("state", c.state())
                .put("payout", c.payout().toString())
                .put("residual_self_pay", c.residualSelfPay().toString())
                .put("insurer_name", m.insurerName())
                .put("fixmedins_name", m.institutionName());
    }

    public static ObjectNode accessLog(List<GetMyAccessLogUseCase.Read> list) {
        ArrayNode out = Json.MAPPER.createArrayNode();
        list.forEach(r -> entry(out.addObject(), r));
        return (ObjectNode) Json.object().set("entries", out);
    }

    private static void entry(ObjectNode o, GetMyAccessLogUseCase.Read r) {
        AccessLog.Entry e = r.entry();
        o.put("at", e.at().toString())
                .put("actor_role", e.actorRole())
                .put("actor_id", e.actorId())
                .put("actor_tenant", e.actorTenant())
                .put("action", e.action())
                .put("purpose", e.purpose())
                .put("subject", e.subject())
                .put("actor_name", r.actorName());
    }

    /**
     * The patient's explanation of benefits: the bill, basic insurance, their share, each policy's payout by benefit,
     * what is left to them and why (the last payer's unpaid parts, by reason, in plain Chinese).
     */
    public static ObjectNode claimDetail(GetMyClaimUseCase.Explanation e) {
        SetlInfo h = e.settlement();
        ObjectNode o = Json.object()
                .put("claim_id", e.claimId())
                .put("setl_id", h.setlId())
                .put("setl_time", h.setlTime().toString())
                .put("fixmedins_name", e.institutionName());
        o.putObject("bill")
                .put("medfee_sumamt", h.medfeeSumamt().toString())
                .put("fund_pay_sumamt", h.fundPaySumamt().toString())
                .put("hosp_part_amt", h.hospPartAmt().toString())
                .put("psn_part_amt", h.psnPartAmt().toString())
                .put("acct_pay", h.acctPay().toString());
        ArrayNode policies = o.putArray("policies");
        for (GetMyClaimUseCase.Part part : e.parts()) {
            ClaimStore.Claim c = part.claim();
            JsonNode result = Json.parse(c.result());
            ObjectNode p = policies.addObject()
                    .put("claim_id", c.claimId())
                    .put("policy_no", c.policyNo())
                    .put("insurer_name", part.insurerName())
                    .put("plan_name", part.planName())
                    .put("channel", c.channel())
                    .put("state", c.state())
                    .put("payout", c.payout().toString());
            ArrayNode benefits = p.putArray("benefits");
            for (JsonNode r : result.path("responsibilities")) {
                if (Money.parse(r.get("eligible").asText()).isZero()
                        && Money.parse(r.get("payable").asText()).isZero()) {
                    continue;
                }
                String capped = r.path("capped_by").isNull()
                        ? null
                        : r.path("capped_by").asText(null);
                benefits.addObject()
                        .put("id", r.get("id").asText())
                        .put("name", part.benefitNames().get(r.get("id").asText()))
                        .put("eligible", r.get("eligible").asText())
                        .put("deductible", r.get("deductible").asText())
                        .put(
                                "ratio",
                                r.path("ratio").isNull()
                                        ? null
                                        : r.path("ratio").asText())
                        .put("payable", r.get("payable").asText())
                        .put("capped_by", capped)
                        .put("capped_text", capped == null ? null : ReasonTexts.of(capped.toUpperCase(Locale.ROOT)));
            }
        }
        ExplanationOfBenefits eob = e.benefits();
        o.put("payout_total", eob.payoutTotal().toString())
                .put("residual_self_pay", eob.residualSelfPay().toString());
        ArrayNode reasons = o.putArray("residual_reasons");
        for (ExplanationOfBenefits.Residual r : eob.residualReasons()) {
            reasons.addObject()
                    .put("reason", r.reason().name())
                    .put("reason_text", ReasonTexts.of(r.reason().name()))
                    .put("amount", r.amount().toString());
        }
        return o;
    }

    /** DEMO ONLY: a token of the demo patient. */
    public static ObjectNode demoToken(String token) {
        return Json.object()
                .put("id_token", token)
                .put("token_type", "Bearer")
                .put("note", "DEMO ONLY: a token of the demo patient from the demo identity provider");
    }
}
