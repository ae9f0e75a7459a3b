package com.huibao.gateway.adapter.http.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.domain.preauth.PreAuthorization;
import java.time.LocalDate;
import java.util.List;

/** Pre-authorizations as the contract's {@code PreAuthorization}: the state as of today (EXPIRED when past). */
public final class PreAuthResponses {
    private PreAuthResponses() {}

    public static ObjectNode one(PreAuthorization p, LocalDate today) {
        ObjectNode o = Json.object()
                .put("id", p.id().toString())
                .put("approval_no", p.approvalNo())
                .put("policy_no", p.policyNo())
                .put("insurer_id", p.insurerId());
        o.putObject("drug")
                .put("code", p.drug().code())
                .put("generic_name", p.drug().genericName());
        o.put("quantity_requested", p.quantityRequested().stripTrailingZeros().toPlainString())
                .put("days_supply", p.daysSupply())
                .put("diagnosis", p.diagnosis())
                .put("prescriber", p.prescriber());
        ArrayNode docs = o.putArray("documents");
        p.documents().forEach(docs::add);
        o.put("requested_by", p.requestedBy().startsWith("PATIENT:") ? "PATIENT" : p.requestedBy())
                .put("state", p.stateOn(today).name())
                .put("quantity_approved", quantity(p.quantityApproved()))
                .put("quantity_used", p.quantityUsed().stripTrailingZeros().toPlainString())
                .put("quantity_remaining", p.quantityApproved() == null ? null : quantity(p.remaining()))
                .put("valid_from", p.validFrom() == null ? null : p.validFrom().toString())
                .put("valid_to", p.validTo() == null ? null : p.validTo().toString())
                .put("reason", p.reason())
                .put("requested_at", p.requestedAt().toString())
                .put("decided_at", p.decidedAt() == null ? null : p.decidedAt().toString());
        return o;
    }

    public static ObjectNode list(List<PreAuthorization> list, LocalDate today) {
        ObjectNode out = Json.object();
        ArrayNode items = out.putArray("pre_authorizations");
        list.forEach(p -> items.add(one(p, today)));
        return out;
    }

    private static String quantity(java.math.BigDecimal q) {
        return q == null ? null : q.stripTrailingZeros().toPlainString();
    }
}
