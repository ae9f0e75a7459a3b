package com.huibao.gateway.domain.money;

import java.math.BigInteger;

/**
 * Splits an amount over weights so that the shares sum exactly to the amount: each share is the floor of its exact
 * proportional part, and the fen left over go one each to the largest remainders, ties to the lower index. Callers
 * pass weights in line order ({@code feedetl_sn}), which makes "lower index" the spec's tie-break.
 */
public final class LargestRemainder {
    private LargestRemainder() {}

    /**
     * @param amount  a non-negative amount
     * @param weights non-negative weights; their sum may be zero only when the amount is zero
     */
    public static Money[] split(Money amount, Money[] weights) {
        long[] w = new long[weights.length];
        for (int i = 0; i < w.length; i++) {
            w[i] = weights[i].fen();
        }
        long[] fen = split(amount.fen(), w);
        Money[] shares = new Money[fen.length];
        for (int i = 0; i < fen.length; i++) {
            shares[i] = Money.ofFen(fen[i]);
        }
        return shares;
    }

    /** The same split in fen: the engine's hot path. */
    public static long[] split(long a, long[] weights) {
        return split(a, weights, new long[weights.length], new int[weights.length]);
    }

    /**
     * The same split with caller-owned scratch space (at least {@code weights.length} long), so that a loop of splits
     * allocates only their results.
     */
    public static long[] split(long a, long[] weights, long[] remainderScratch, int[] orderScratch) {
        long total = 0;
        for (long w : weights) {
            if (w < 0) {
                throw new IllegalArgumentException("negative weight " + w);
            }
            total = Math.addExact(total, w);
        }
        if (a < 0) {
            throw new IllegalArgumentException("negative amount " + a);
        }
        long[] floor = new long[weights.length];
        if (a == 0) {
            return floor;
        }
        if (total == 0) {
            throw new IllegalArgumentException("cannot split " + a + " fen over zero weights");
        }
        long[] remainder = remainderScratch;
        long assigned = 0;
        for (int i = 0; i < weights.length; i++) {
            long w = weights[i];
            long hi = Math.multiplyHigh(a, w);
            if (hi == 0 && a * w >= 0) {
                long product = a * w;
                floor[i] = product / total;
                remainder[i] = product - floor[i] * total;
            } else {
                BigInteger[] qr = BigInteger.valueOf(a)
                        .multiply(BigInteger.valueOf(w))
                        .divideAndRemainder(BigInteger.valueOf(total));
                floor[i] = qr[0].longValueExact();
                remainder[i] = qr[1].longValueExact();
            }
            assigned += floor[i];
        }
        long left = a - assigned;
        if (left > 0) {
            // left < number of positive remainders: give one fen each to the largest, ties to the lower index.
            int[] order = orderScratch;
            int k = 0;
            for (int i = 0; i < weights.length; i++) {
                if (remainder[i] > 0) {
                    int j = k++;
                    while (j > 0 && remainder[order[j - 1]] < remainder[i]) {
                        order[j] = order[j - 1];
                        j--;
                    }
                    order[j] = i;
                }
            }
            for (int j = 0; j < left; j++) {
                floor[order[j]]++;
            }
        }
        return floor;
    }
}
