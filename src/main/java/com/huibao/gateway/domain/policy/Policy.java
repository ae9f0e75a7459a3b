package com.huibao.gateway.domain.policy;

import java.time.LocalDate;
import java.util.List;

/**
 * A commercial policy of one insured person (identified by certificate type and number), in force on
 * {@code [effectiveFrom, effectiveTo)}.
 *
 * @param preexistingConditions ICD-10 prefixes; a main diagnosis starting with one is pre-existing (既往症)
 */
public record Policy(
    String policyNo,
    String planId,
    String insurerId,
    String psnCertType,
    String certno,
    LocalDate effectiveFrom,
    LocalDate effectiveTo,
    List<String> preexistingConditions) {

  public Policy {
    preexistingConditions = List.copyOf(preexistingConditions);
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
