package com.huibao.gateway.domain.money;

/**
 * Splits an amount over weights like {@link LargestRemainder}, but no share above its cap: shares that would pass
 * their cap are set to it and the rest is split again over the others by weight ("water-filling"); what the
 * weighted shares cannot hold goes to every share with room, in proportion to that room. Exact to the fen.
 */
public final class CappedSplit {
    private CappedSplit() {}

    /**
     * @param amount  at most {@code Σ caps}
     * @param weights non-negative
     * @param caps    non-negative, one per weight
     */
    public static long[] split(long amount, long[] weights, long[] caps) {
        int n = weights.length;
        long capacity = 0;
        for (long c : caps) {
            capacity = Math.addExact(capacity, c);
        }
        if (amount < 0 || amount > capacity) {
            throw new IllegalArgumentException("cannot split " + amount + " fen under caps totalling " + capacity);
        }
        long[] shares = new long[n];
        boolean[] full = new boolean[n];
        long left = amount;
        while (left > 0) {
            long[] w = new long[n];
            long total = 0;
            for (int i = 0; i < n; i++) {
                w[i] = full[i] ? 0 : weights[i];
                total += w[i];
            }
            if (total == 0) {
                break;
            }
            long[] part = LargestRemainder.split(left, w);
            boolean capped = false;
            for (int i = 0; i < n; i++) {
                if (!full[i] && shares[i] + part[i] >= caps[i] && part[i] > 0) {
                    left -= caps[i] - shares[i];
                    shares[i] = caps[i];
                    full[i] = true;
                    capped = true;
                }
            }
            if (!capped) {
                for (int i = 0; i < n; i++) {
                    shares[i] += part[i];
                }
                left = 0;
            }
        }
        if (left > 0) {
            long[] room = new long[n];
            for (int i = 0; i < n; i++) {
                room[i] = caps[i] - shares[i];
            }
            long[] part = LargestRemainder.split(left, room);
            for (int i = 0; i < n; i++) {
                shares[i] += part[i];
            }
        }
        return shares;
    }
}
