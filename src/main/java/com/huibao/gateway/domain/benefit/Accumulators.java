package com.huibao.gateway.domain.benefit;

import com.huibao.gateway.domain.money.Money;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BinaryOperator;

/**
 * What one policy has consumed in its policy year (SPEC §3.7): deductible used per pool, paid per responsibility,
 * paid in total; and for the sub-limits of the plan's terms, paid per limit key ({@code entry:LIST:CODE} for a
 * code's annual cap, {@code admission:MDTRT_ID:…} for a per-admission cap) and lines paid per counted code. The same
 * shape carries a claim's deltas. Immutable; zero entries compare equal to absent ones, so that
 * {@code a.plus(d).minus(d).equals(a)} holds exactly.
 */
public final class Accumulators {
    public static final Accumulators EMPTY = new Accumulators(Map.of(), Map.of(), Money.ZERO, Map.of(), Map.of());

    private final Map<String, Money> deductible;
    private final Map<String, Money> paid;
    private final Money total;
    private final Map<String, Money> limits;
    private final Map<String, Long> counts;

    public Accumulators(Map<String, Money> deductible, Map<String, Money> paid, Money total) {
        this(deductible, paid, total, Map.of(), Map.of());
    }

    public Accumulators(
            Map<String, Money> deductible,
            Map<String, Money> paid,
            Money total,
            Map<String, Money> limits,
            Map<String, Long> counts) {
        this.deductible = copy(deductible);
        this.paid = copy(paid);
        this.total = total;
        this.limits = copy(limits);
        this.counts = copy(counts);
    }

    private static <V> Map<String, V> copy(Map<String, V> m) {
        return m.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
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

    public Map<String, Money> limits() {
        return limits;
    }

    public Map<String, Long> counts() {
        return counts;
    }

    public Money deductibleUsed(String pool) {
        return deductible.getOrDefault(pool, Money.ZERO);
    }

    public Money paid(String responsibility) {
        return paid.getOrDefault(responsibility, Money.ZERO);
    }

    public Money limitUsed(String key) {
        return limits.getOrDefault(key, Money.ZERO);
    }

    public long count(String key) {
        return counts.getOrDefault(key, 0L);
    }

    public boolean isEmpty() {
        return equals(EMPTY);
    }

    public Accumulators plus(Accumulators delta) {
        return combine(delta, Money::plus, Math::addExact);
    }

    public Accumulators minus(Accumulators delta) {
        return combine(delta, Money::minus, Math::subtractExact);
    }

    private Accumulators combine(Accumulators delta, BinaryOperator<Money> op, BinaryOperator<Long> countOp) {
        return new Accumulators(
                merge(deductible, delta.deductible, op, Money.ZERO),
                merge(paid, delta.paid, op, Money.ZERO),
                op.apply(total, delta.total),
                merge(limits, delta.limits, op, Money.ZERO),
                merge(counts, delta.counts, countOp, 0L));
    }

    private static <V> Map<String, V> merge(Map<String, V> a, Map<String, V> b, BinaryOperator<V> op, V zero) {
        if (b.isEmpty()) {
            return a;
        }
        Map<String, V> out = new LinkedHashMap<>(a);
        b.forEach((k, v) -> out.put(k, op.apply(out.getOrDefault(k, zero), v)));
        return out;
    }

    /** True when any amount or count is below zero: a reversal that subtracted more than was ever added. */
    public boolean hasNegative() {
        return total.isNegative()
                || deductible.values().stream().anyMatch(Money::isNegative)
                || paid.values().stream().anyMatch(Money::isNegative)
                || limits.values().stream().anyMatch(Money::isNegative)
                || counts.values().stream().anyMatch(c -> c < 0);
    }

    private static <V> Map<String, V> nonZero(Map<String, V> m) {
        Map<String, V> out = new TreeMap<>();
        m.forEach((k, v) -> {
            boolean zero = v instanceof Money money ? money.isZero() : ((Long) v) == 0L;
            if (!zero) {
                out.put(k, v);
            }
        });
        return out;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Accumulators a)) {
            return false;
        }
        return total.equals(a.total)
                && nonZero(deductible).equals(nonZero(a.deductible))
                && nonZero(paid).equals(nonZero(a.paid))
                && nonZero(limits).equals(nonZero(a.limits))
                && nonZero(counts).equals(nonZero(a.counts));
    }

    @Override
    public int hashCode() {
        return Objects.hash(total, nonZero(deductible), nonZero(paid), nonZero(limits), nonZero(counts));
    }

    @Override
    public String toString() {
        return "Accumulators{deductible=" + deductible + ", paid=" + paid + ", total=" + total + ", limits=" + limits
                + ", counts=" + counts + "}";
    }
}
