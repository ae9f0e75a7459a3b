package com.huibao.gateway.domain.benefit;

import com.huibao.gateway.domain.money.Money;
import java.util.List;

/**
 * The result of adjudicating one settlement against a patient's policies (SPEC §3.6). Totals:
 * {@code residual_self_pay = psn_part_amt − other_compensation − Σ payouts} (compensation declared with the claim
 * is money the patient got back elsewhere); {@code insurer_pays_hospital = min(Σ payouts, psn_cash_pay)};
 * {@code patient_cash_due = psn_cash_pay − insurer_pays_hospital};
 * {@code insurer_pays_patient = Σ payouts − insurer_pays_hospital}.
 */
public record Adjudication(
        String setlId,
        Burdens lineBurdens,
        List<PolicyResult> policies,
        Money payoutTotal,
        Money residualSelfPay,
        Money insurerPaysHospital,
        Money patientCashDue,
        Money insurerPaysPatient,
        Money otherCompensation) {

    public Adjudication {
        policies = List.copyOf(policies);
    }

    /** Each line's personal burden (docs/SETTLEMENTS.md), in line order. */
    public List<LineBurden> burdens() {
        return lineBurdens.asList();
    }

    public PolicyResult policy(String policyNo) {
        for (PolicyResult p : policies) {
            if (p.policyNo().equals(policyNo)) {
                return p;
            }
        }
        return null;
    }
}
