package com.huibao.gateway.domain.plan;

import com.huibao.gateway.domain.money.Money;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A commercial plan (insurer, product, year): responsibilities in precedence order, deductible pools shared by them,
 * an overall cap and its place in coordination of benefits ({@code cob_priority}, lower pays first).
 *
 * @param overallCap null = no overall cap
 */
public record Plan(
    String planId,
    String insurerId,
    String name,
    int cobPriority,
    Money overallCap,
    List<DeductiblePool> deductiblePools,
    List<Responsibility> responsibilities) {

  public Plan {
    deductiblePools = List.copyOf(deductiblePools);
    responsibilities = List.copyOf(responsibilities);
  }

  public Map<String, DeductiblePool> poolsById() {
    return deductiblePools.stream().collect(Collectors.toMap(DeductiblePool::id, Function.identity()));
  }

  public DeductiblePool pool(String id) {
    for (DeductiblePool p : deductiblePools) {
      if (p.id().equals(id)) {
        return p;
      }
    }
    return null;
  }
}
