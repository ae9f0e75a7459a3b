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
    Burdens lineBurdens,
    List<PolicyResult> policies,
    Money payoutTotal,
    Money residualSelfPay,
    Money insurerPaysHospital,
    Money patientCashDue,
    Money insurerPaysPatient) {

  public Adjudication {
    policies = List.copyOf(policies);
  }

  /** Each line's personal burden (SPEC §3.1), in line order. */
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
