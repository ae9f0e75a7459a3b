package com.huibao.gateway.adapter.http.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.domain.benefit.Adjudication;
import com.huibao.gateway.domain.claim.ApprovedClaim;
import com.huibao.gateway.domain.claim.DirectSettlementRefund;

/** The contract's {@code RefundResult}: written once, stored with the refund and answered as stored ever after. */
public final class RefundJson {
    private RefundJson() {}

    public static String write(DirectSettlementRefund.Refunded r) {
        Adjudication a = r.adjudication();
        ObjectNode out = Json.object()
                .put("setl_id", r.setlId())
                .put("refund_id", r.refundId())
                .put("state", "CONFIRMED")
                .put("payout_total", a.payoutTotal().toString())
                .put("residual_self_pay", a.residualSelfPay().toString())
                .put("insurer_pays_hospital", a.insurerPaysHospital().toString())
                .put("patient_cash_due", a.patientCashDue().toString())
                .put("refunded_at", r.at().toString());
        ArrayNode claims = out.putArray("claims");
        for (DirectSettlementRefund.Adjustment c : r.adjustments()) {
            claims.addObject()
                    .put("claim_id", c.before().claimId())
                    .put("policy_no", c.before().policyNo())
                    .put("insurer_id", c.before().insurerId())
                    .put("state", c.before().state().name())
                    .put("payout_before", c.before().payout().toString())
                    .put("payout", c.payout().toString())
                    .put("pays_hospital", c.paysHospital().toString())
                    .put("pays_patient", c.paysPatient().toString())
                    .put("receivable_from_hospital", c.receivableFromHospital().toString())
                    .put("receivable_from_patient", c.receivableFromPatient().toString());
        }
        for (ApprovedClaim c : r.created()) {
            claims.addObject()
                    .put("claim_id", c.claimId())
                    .put("policy_no", c.policyNo())
                    .put("insurer_id", c.insurerId())
                    .put("state", "APPROVED")
                    .put("payout_before", "0.00")
                    .put("payout", c.payout().toString())
                    .put("pays_hospital", c.paysHospital().toString())
                    .put("pays_patient", c.paysPatient().toString())
                    .put("receivable_from_hospital", "0.00")
                    .put("receivable_from_patient", "0.00");
        }
        return Json.write(out);
    }
}
