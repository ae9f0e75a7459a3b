package com.huibao.gateway.codec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.domain.claim.ApprovedClaim;
import com.huibao.gateway.domain.claim.ClaimEvent;
import com.huibao.gateway.domain.event.InsurerEvent;
import com.huibao.gateway.domain.preauth.PreAuthEvent;
import com.huibao.gateway.domain.preauth.PreAuthorization;

/**
 * The {@code type} and {@code data} of the webhook events about claims and pre-authorizations (the contract's {@code webhooks} section):
 * {@code claim.created} carries the policy's result with the claim, no identity of the patient.
 */
public final class EventJson {
    private EventJson() {}

    public static String type(InsurerEvent e) {
        if (e instanceof PreAuthEvent p) {
            return p.type();
        }
        if (e instanceof ClaimEvent.ClaimCreated) {
            return "claim.created";
        }
        if (e instanceof ClaimEvent.ClaimAdjusted) {
            return "claim.adjusted";
        }
        return e instanceof ClaimEvent.ClaimReversed ? "claim.reversed" : "settlement.available";
    }

    public static ObjectNode data(InsurerEvent e) {
        if (e instanceof PreAuthEvent p) {
            PreAuthorization a = p.preAuthorization();
            return Json.object()
                    .put("pre_authorization_id", a.id().toString())
                    .put("policy_no", a.policyNo())
                    .put("state", a.state().name())
                    .put("approval_no", a.approvalNo());
        }
        if (e instanceof ClaimEvent.ClaimCreated c) {
            return created(c.claim());
        }
        if (e instanceof ClaimEvent.ClaimReversed r) {
            return Json.object()
                    .put("claim_id", r.claimId())
                    .put("setl_id", r.setlId())
                    .put("policy_no", r.policyNo())
                    .put("state", "REVERSED")
                    .put("payout", r.payout().toString());
        }
        if (e instanceof ClaimEvent.ClaimAdjusted a) {
            return Json.object()
                    .put("claim_id", a.claimId())
                    .put("setl_id", a.setlId())
                    .put("refund_id", a.refundId())
                    .put("policy_no", a.policyNo())
                    .put("payout_before", a.payoutBefore().toString())
                    .put("payout", a.payout().toString())
                    .put("pays_hospital", a.paysHospital().toString())
                    .put("pays_patient", a.paysPatient().toString())
                    .put("receivable_from_hospital", a.receivableFromHospital().toString())
                    .put("receivable_from_patient", a.receivableFromPatient().toString());
        }
        ClaimEvent.SettlementAvailable s = (ClaimEvent.SettlementAvailable) e;
        return Json.object().put("setl_id", s.setlId()).put("policy_no", s.policyNo());
    }

    private static ObjectNode created(ApprovedClaim c) {
        return AdjudicationJson.policy(c.result())
                .put("claim_id", c.claimId())
                .put("setl_id", c.setlId())
                .put("channel", c.channel().name())
                .put("state", "APPROVED")
                .put("pays_hospital", c.paysHospital().toString())
                .put("pays_patient", c.paysPatient().toString());
    }
}
