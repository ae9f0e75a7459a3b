package com.huibao.gateway.domain.benefit;

import com.huibao.gateway.domain.money.Money;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A responsibility's payable split over lines, kept as fen per line position; {@link #asMap()} gives the non-zero
 * shares by {@code feedetl_sn} in line order, built on first read.
 */
public final class LineShares {
    private final String[] sns;
    private final long[] fen;
    private Map<String, Money> map;

    LineShares(String[] sns, long[] fen) {
        this.sns = sns;
        this.fen = fen;
    }

    public static LineShares of(Map<String, Money> shares) {
        String[] sns = shares.keySet().toArray(String[]::new);
        long[] fen = shares.values().stream().mapToLong(Money::fen).toArray();
        return new LineShares(sns, fen);
    }

    public synchronized Map<String, Money> asMap() {
        if (map == null) {
            Map<String, Money> m = new LinkedHashMap<>();
            for (int i = 0; i < sns.length; i++) {
                if (fen[i] > 0) {
                    m.put(sns[i], Money.ofFen(fen[i]));
                }
            }
            map = Collections.unmodifiableMap(m);
        }
        return map;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LineShares && ((LineShares) o).asMap().equals(asMap());
    }

    @Override
    public int hashCode() {
        return asMap().hashCode();
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
