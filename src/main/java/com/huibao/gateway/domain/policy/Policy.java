package com.huibao.gateway.domain.policy;

import java.time.LocalDate;
import java.util.List;

/**
 * A commercial policy of one insured person (identified by certificate type and number), in force on
 * {@code [effectiveFrom, effectiveTo)}.
 *
 * @param preexistingConditions ICD-10 prefixes; a main diagnosis starting with one is pre-existing (既往症)
 * @param edition               the plan edition the policy was sold in; null = the base plan
 * @param deductibles           the policy's own deductible per pool, overriding the plan's; empty = none
 * @param claimFreeYears        claim-free years, choosing the pools' deductible tier; null = unknown
 */
public record Policy(
    String policyNo,
    String planId,
    String insurerId,
    String psnCertType,
    String certno,
    LocalDate effectiveFrom,
    LocalDate effectiveTo,
    List<String> preexistingConditions,
    String edition,
    java.util.Map<String, com.huibao.gateway.domain.money.Money> deductibles,
    Integer claimFreeYears) {

  public Policy {
    preexistingConditions = List.copyOf(preexistingConditions);
    deductibles = deductibles == null ? java.util.Map.of() : java.util.Map.copyOf(deductibles);
  }

  public Policy(String policyNo, String planId, String insurerId, String psnCertType, String certno,
      LocalDate effectiveFrom, LocalDate effectiveTo, List<String> preexistingConditions) {
    this(policyNo, planId, insurerId, psnCertType, certno, effectiveFrom, effectiveTo, preexistingConditions, null,
        java.util.Map.of(), null);
  }

  /** This policy's deductible for a pool of its plan: its own amount, else the tier for its claim-free years. */
  public com.huibao.gateway.domain.money.Money deductible(com.huibao.gateway.domain.plan.DeductiblePool pool) {
    com.huibao.gateway.domain.money.Money own = deductibles.get(pool.id());
    return own != null ? own : pool.amountFor(claimFreeYears);
  }

  public boolean inForce(LocalDate date) {
    return !date.isBefore(effectiveFrom) && date.isBefore(effectiveTo);
  }

  public boolean isPreexisting(String mainDiagnosis) {
    if (mainDiagnosis == null) {
      return false;
    }
    for (String prefix : preexistingConditions) {
      if (mainDiagnosis.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  public boolean insures(String certType, String certNo) {
    return psnCertType.equals(certType) && certno.equals(certNo);
  }
}
