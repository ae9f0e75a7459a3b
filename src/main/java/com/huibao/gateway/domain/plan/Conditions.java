package com.huibao.gateway.domain.plan;

import java.math.BigDecimal;
import java.util.List;

/**
 * When a responsibility applies to a settlement at all, beyond its {@code med_types}: the insured region of the basic
 * settlement ({@code insuplc_admdvs} prefixes), the hospital's level or a designated-institution list, and a run-off
 * period after the policy ends. A settlement outside {@code insuredRegions} is refused, unless
 * {@code outsideRegionRatio} is set (e.g. an edition for people insured elsewhere), which then replaces the ratios.
 *
 * @param insuredRegions      null = any region
 * @param hospitalLevels      {@code setlinfo.hosp_lv} codes; null = any
 * @param designatedHospitals {@code fixmedins_code}s; null = any
 * @param runOffDays          a claim made on or after {@code effective_to + runOffDays} is refused; null = no limit
 */
public record Conditions(
    List<String> insuredRegions,
    BigDecimal outsideRegionRatio,
    BigDecimal outsideRegionPreexistingRatio,
    List<String> hospitalLevels,
    List<String> designatedHospitals,
    Integer runOffDays) {

  public static final Conditions NONE = new Conditions(null, null, null, null, null, null);

  public Conditions {
    insuredRegions = insuredRegions == null ? null : List.copyOf(insuredRegions);
    hospitalLevels = hospitalLevels == null ? null : List.copyOf(hospitalLevels);
    designatedHospitals = designatedHospitals == null ? null : List.copyOf(designatedHospitals);
  }

  /** True when the insured region is one of {@code insuredRegions} (or no region is required). */
  public boolean inRegion(String insuplcAdmdvs) {
    if (insuredRegions == null) {
      return true;
    }
    if (insuplcAdmdvs == null) {
      return false;
    }
    for (String prefix : insuredRegions) {
      if (insuplcAdmdvs.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
