package com.huibao.gateway.domain.benefit;

import com.huibao.gateway.domain.money.Money;
import java.util.List;

/**
 * The result of adjudicating one settlement against a patient's policies (SPEC §3.6). Totals:
 * {@code residual_self_pay = psn_part_amt − Σ payouts}; {@code insurer_pays_hospital = min(Σ payouts, psn_cash_pay)};
 * {@code patient_cash_due = psn_cash_pay − insurer_pays_hospital};
 * {@code insurer_pays_patient = Σ payouts − insurer_pays_hospital}.
 */
public record Adjudication(
    String setlId,
    List<LineBurden> burdens,
    List<PolicyResult> policies,
    Money payoutTotal,
    Money residualSelfPay,
    Money insurerPaysHospital,
    Money patientCashDue,
    Money insurerPaysPatient) {

  public Adjudication {
    burdens = List.copyOf(burdens);
    policies = List.copyOf(policies);
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
