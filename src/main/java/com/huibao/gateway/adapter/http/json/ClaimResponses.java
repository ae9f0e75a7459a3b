package com.huibao.gateway.adapter.http.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.app.insurer.QuickClaimUseCase;
import com.huibao.gateway.app.invoice.SubmitInvoiceClaimUseCase;
import com.huibao.gateway.app.port.ClaimStore;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.domain.settlement.Provenance;

/** The insurer's claims as the contract's {@code ClaimSummary}, {@code ClaimDetail} and {@code QuickClaim}. */
public final class ClaimResponses {
    private ClaimResponses() {}

    public static ObjectNode page(ClaimStore.Page page) {
        ObjectNode out = Json.object();
        ArrayNode items = out.putArray("claims");
        page.claims().forEach(c -> items.add(summary(c)));
        out.put("next_cursor", page.nextCursor());
        return out;
    }

    /** The claim with its full breakdown (the policy's result as stored with it). */
    public static ObjectNode detail(ClaimStore.Claim c) {
        return (ObjectNode) summary(c).set("result", Json.parse(c.result()));
    }

    /** The policy's result with the claim it made, or the claim already made for the pair. */
    public static ObjectNode quickClaim(QuickClaimUseCase.Outcome o) {
        ClaimStore.Claim c = o.claim();
        return ((ObjectNode) Json.parse(c.result()))
                .put("claim_id", c.claimId())
                .put("state", c.state())
                .put("setl_id", c.setlId())
                .put("channel", c.channel())
                .put("replay", o.replay());
    }

    /** An invoice claim answers like a quick claim: the policy's result with the claim. */
    public static ObjectNode invoiceClaim(SubmitInvoiceClaimUseCase.Outcome o) {
        return quickClaim(new QuickClaimUseCase.Outcome(o.claim(), o.replay()));
    }

    public static ObjectNode summary(ClaimStore.Claim c) {
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
}
