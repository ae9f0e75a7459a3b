package com.huibao.gateway.domain.benefit;

import com.huibao.gateway.domain.money.Money;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * What one policy has consumed in its policy year (SPEC §3.7): deductible used per pool, paid per responsibility,
 * paid in total. The same shape carries a claim's deltas. Immutable; zero entries compare equal to absent ones, so
 * that {@code a.plus(d).minus(d).equals(a)} holds exactly.
 */
public final class Accumulators {
  public static final Accumulators EMPTY = new Accumulators(Map.of(), Map.of(), Money.ZERO);

  private final Map<String, Money> deductible;
  private final Map<String, Money> paid;
  private final Money total;

  public Accumulators(Map<String, Money> deductible, Map<String, Money> paid, Money total) {
    this(unmodifiableCopy(deductible), unmodifiableCopy(paid), total, true);
  }

  /** Takes ownership of maps that are already unmodifiable and private to the new instance. */
  private Accumulators(Map<String, Money> deductible, Map<String, Money> paid, Money total, boolean owned) {
    this.deductible = deductible;
    this.paid = paid;
    this.total = total;
  }

  private static Map<String, Money> unmodifiableCopy(Map<String, Money> m) {
    return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }

  public Map<String, Money> deductible() {
    return deductible;
  }

  public Map<String, Money> paid() {
    return paid;
  }

  public Money total() {
    return total;
  }

  public Money deductibleUsed(String pool) {
    return deductible.getOrDefault(pool, Money.ZERO);
  }

  public Money paid(String responsibility) {
    return paid.getOrDefault(responsibility, Money.ZERO);
  }

  public Accumulators plus(Accumulators delta) {
    return combine(delta, Money::plus);
  }

  public Accumulators minus(Accumulators delta) {
    return combine(delta, Money::minus);
  }

  private Accumulators combine(Accumulators delta, BinaryOperator<Money> op) {
    Map<String, Money> d = new LinkedHashMap<>(deductible);
    delta.deductible.forEach((k, v) -> d.put(k, op.apply(d.getOrDefault(k, Money.ZERO), v)));
    Map<String, Money> p = new LinkedHashMap<>(paid);
    delta.paid.forEach((k, v) -> p.put(k, op.apply(p.getOrDefault(k, Money.ZERO), v)));
    return new Accumulators(java.util.Collections.unmodifiableMap(d), java.util.Collections.unmodifiableMap(p),
        op.apply(total, delta.total), true);
  }

  /** True when any amount is below zero: a reversal that subtracted more than was ever added. */
  public boolean hasNegative() {
    return total.isNegative()
        || deductible.values().stream().anyMatch(Money::isNegative)
        || paid.values().stream().anyMatch(Money::isNegative);
  }

  private static Map<String, Money> nonZero(Map<String, Money> m) {
    Map<String, Money> out = new java.util.TreeMap<>();
    m.forEach((k, v) -> {
      if (!v.isZero()) {
        out.put(k, v);
      }
    });
    return out;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Accumulators)) {
      return false;
    }
    Accumulators a = (Accumulators) o;
    return total.equals(a.total) && nonZero(deductible).equals(nonZero(a.deductible))
        && nonZero(paid).equals(nonZero(a.paid));
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(total, nonZero(deductible), nonZero(paid));
  }

  @Override
  public String toString() {
    return "Accumulators{deductible=" + deductible + ", paid=" + paid + ", total=" + total + "}";
  }
}
