package com.huibao.gateway.domain.money;

import java.math.BigInteger;

/**
 * Splits an amount over weights so that the shares sum exactly to the amount: each share is the floor of its exact
 * proportional part, and the fen left over go one each to the largest remainders, ties to the lower index. Callers
 * pass weights in line order ({@code feedetl_sn}), which makes "lower index" the spec's tie-break.
 */
public final class LargestRemainder {
  private LargestRemainder() {
  }

  /**
   * @param amount  a non-negative amount
   * @param weights non-negative weights; their sum may be zero only when the amount is zero
   */
  public static Money[] split(Money amount, Money[] weights) {
    long total = 0;
    for (Money w : weights) {
      if (w.isNegative()) {
        throw new IllegalArgumentException("negative weight " + w);
      }
      total = Math.addExact(total, w.fen());
    }
    long a = amount.fen();
    if (a < 0) {
      throw new IllegalArgumentException("negative amount " + amount);
    }
    Money[] shares = new Money[weights.length];
    if (a == 0) {
      java.util.Arrays.fill(shares, Money.ZERO);
      return shares;
    }
    if (total == 0) {
      throw new IllegalArgumentException("cannot split " + amount + " over zero weights");
    }
    long[] floor = new long[weights.length];
    long[] remainder = new long[weights.length];
    long assigned = 0;
    for (int i = 0; i < weights.length; i++) {
      long w = weights[i].fen();
      long hi = Math.multiplyHigh(a, w);
      if (hi == 0 && a * w >= 0) {
        long product = a * w;
        floor[i] = product / total;
        remainder[i] = product % total;
      } else {
        BigInteger[] qr = BigInteger.valueOf(a).multiply(BigInteger.valueOf(w)).divideAndRemainder(BigInteger.valueOf(total));
        floor[i] = qr[0].longValueExact();
        remainder[i] = qr[1].longValueExact();
      }
      assigned += floor[i];
    }
    long left = a - assigned;
    // left < number of positive weights; pick the largest remainders one fen at a time (stable: lower index wins).
    while (left > 0) {
      int best = -1;
      for (int i = 0; i < weights.length; i++) {
        if (remainder[i] > 0 && (best < 0 || remainder[i] > remainder[best])) {
          best = i;
        }
      }
      floor[best]++;
      remainder[best] = 0;
      left--;
    }
    for (int i = 0; i < weights.length; i++) {
      shares[i] = Money.ofFen(floor[i]);
    }
    return shares;
  }
}
