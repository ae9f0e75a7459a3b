package com.huibao.gateway.domain.claim;

import com.huibao.gateway.domain.benefit.PolicyResult;
import com.huibao.gateway.domain.money.Money;
import java.time.Instant;

/**
 * A claim as it is made: APPROVED, with the policy's result (the plan version it was computed with) and who is paid
 * what: {@code paysHospital + paysPatient = payout}.
 */
public record ApprovedClaim(
        String claimId,
        String setlId,
        ClaimChannel channel,
        int planVersion,
        PolicyResult result,
        Money paysHospital,
        Money paysPatient,
        Instant createdAt) {

    public ApprovedClaim {
        if (!paysHospital.plus(paysPatient).equals(result.payout())) {
            throw new IllegalArgumentException("claim " + claimId + ": " + paysHospital + " + " + paysPatient
                    + " is not the payout " + result.payout());
        }
    }

    /** A claim paid wholly to the patient (quick and proactive claims: the hospital was paid at the counter). */
    public static ApprovedClaim toPatient(
            String claimId, String setlId, ClaimChannel channel, int planVersion, PolicyResult result, Instant at) {
        return new ApprovedClaim(claimId, setlId, channel, planVersion, result, Money.ZERO, result.payout(), at);
    }

    public String policyNo() {
        return result.policyNo();
    }

    public String insurerId() {
        return result.insurerId();
    }

    public Money payout() {
        return result.payout();
    }
}
