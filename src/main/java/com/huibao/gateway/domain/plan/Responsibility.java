package com.huibao.gateway.domain.plan;

import com.huibao.gateway.domain.money.Money;
import java.math.BigDecimal;
import java.util.List;

/**
 * One benefit (保障责任) of a plan: which lines it matches (every line, or membership of a coverage list), which part
 * of each line it covers, for which {@code med_type}s, its deductible pool, ratios and annual cap.
 *
 * @param listId           the coverage list a line must match; null = every line
 * @param medTypes         admissible {@code med_type}s; null = any
 * @param deductiblePool   the pool this responsibility draws its deductible from; null = none
 * @param preexistingRatio the ratio when the main diagnosis is pre-existing (既往症); null = excluded then
 * @param annualCap        the most it pays in a policy year; null = no cap of its own
 */
public record Responsibility(
    String id,
    String name,
    String listId,
    LinePart part,
    List<String> medTypes,
    String deductiblePool,
    BigDecimal ratio,
    BigDecimal preexistingRatio,
    Money annualCap,
    boolean requiresPreapproval) {

  public Responsibility {
    medTypes = medTypes == null ? null : List.copyOf(medTypes);
  }

  public boolean admitsMedType(String medType) {
    return medTypes == null || medTypes.contains(medType);
  }

  public boolean matchesAllLines() {
    return listId == null;
  }
}
