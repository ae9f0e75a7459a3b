package com.huibao.gateway.domain.benefit;

import com.huibao.gateway.domain.money.Money;
import java.util.LinkedHashMap;
import java.util.Map;

/** What one claim adds to its policy's accumulators, gathered as the responsibilities run. */
final class ClaimDeltas {
    private final Map<String, Money> deductible = new LinkedHashMap<>();
    private final Map<String, Money> paid = new LinkedHashMap<>();
    private final Map<String, Money> limits = new LinkedHashMap<>();
    private final Map<String, Long> counts = new LinkedHashMap<>();

    void deductible(String pool, long fen) {
        deductible.merge(pool, Money.ofFen(fen), Money::plus);
    }

    void paid(String responsibility, long fen) {
        paid.merge(responsibility, Money.ofFen(fen), Money::plus);
    }

    void limit(LimitKey key, long fen) {
        limits.merge(key.key(), Money.ofFen(fen), Money::plus);
    }

    void countLine(LimitKey key) {
        counts.merge(key.key(), 1L, Long::sum);
    }

    /** What this claim has already put on a limit (earlier responsibilities may share one). */
    long limitFen(LimitKey key) {
        Money m = limits.get(key.key());
        return m == null ? 0 : m.fen();
    }

    long count(LimitKey key) {
        return counts.getOrDefault(key.key(), 0L);
    }

    Accumulators toAccumulators(long totalFen) {
        return new Accumulators(deductible, paid, Money.ofFen(totalFen), limits, counts);
    }
}
