package com.huibao.gateway.domain.benefit;

import com.huibao.gateway.domain.money.Money;
import java.math.BigDecimal;
import java.util.Map;

/**
 * One responsibility's part of a claim (SPEC §3.4, §3.6).
 *
 * @param ratio    the ratio applied (pre-existing or not); null when pre-existing conditions are excluded
 * @param cappedBy {@code "annual_cap"} or {@code "overall_cap"} when a cap cut the payable, else null
 * @param shares   the payable split over lines; {@link #lines()} sums to {@code payable}
 */
public record ResponsibilityResult(
    String id,
    Money eligible,
    Money deductible,
    BigDecimal ratio,
    Money payable,
    String cappedBy,
    LineShares shares) {

  /** Non-zero payable shares by {@code feedetl_sn}, in line order. */
  public Map<String, Money> lines() {
    return shares.asMap();
  }
}
