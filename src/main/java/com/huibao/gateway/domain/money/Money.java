package com.huibao.gateway.domain.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of CNY exact to the fen: a {@link BigDecimal} held at scale 2. Never constructed from a double.
 * Negative amounts exist only as intermediate differences; documents refuse them at validation.
 */
public final class Money implements Comparable<Money> {
  public static final Money ZERO = new Money(BigDecimal.ZERO.setScale(2));

  private final BigDecimal value;

  private Money(BigDecimal value) {
    this.value = value;
  }

  /** Exact conversion; refuses more than 2 significant decimals (3.000 is fine, 3.001 is not). */
  public static Money of(BigDecimal amount) {
    if (amount.scale() == 2) {
      return new Money(amount);
    }
    try {
      return new Money(amount.setScale(2, RoundingMode.UNNECESSARY));
    } catch (ArithmeticException e) {
      throw new AmountFormatException("more than 2 decimals: " + amount.toPlainString());
    }
  }

  /** Parses a decimal string such as {@code "123.45"}; exponents, blanks and more than 2 decimals are refused. */
  public static Money parse(String text) {
    if (text == null || text.isEmpty() || !isPlainDecimal(text)) {
      throw new AmountFormatException("not a decimal amount: " + text);
    }
    return of(new BigDecimal(text));
  }

  public static Money ofFen(long fen) {
    return new Money(BigDecimal.valueOf(fen, 2));
  }

  /** HALF_UP to the fen: the one rounding step of the benefit arithmetic. */
  public static Money roundHalfUp(BigDecimal exact) {
    return new Money(exact.setScale(2, RoundingMode.HALF_UP));
  }

  private static boolean isPlainDecimal(String text) {
    int i = text.charAt(0) == '-' ? 1 : 0;
    boolean digits = false;
    boolean dot = false;
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        digits = true;
      } else if (c == '.' && !dot) {
        dot = true;
      } else {
        return false;
      }
    }
    return digits && text.charAt(text.length() - 1) != '.';
  }

  public BigDecimal value() {
    return value;
  }

  /** The amount in fen; exact because the scale is 2. */
  public long fen() {
    return value.unscaledValue().longValueExact();
  }

  public Money plus(Money other) {
    return new Money(value.add(other.value));
  }

  public Money minus(Money other) {
    return new Money(value.subtract(other.value));
  }

  /** {@code round_half_up(this × ratio)}. */
  public Money times(BigDecimal ratio) {
    return roundHalfUp(value.multiply(ratio));
  }

  public Money min(Money other) {
    return compareTo(other) <= 0 ? this : other;
  }

  public Money max(Money other) {
    return compareTo(other) >= 0 ? this : other;
  }

  /** {@code max(0, this)}. */
  public Money floorZero() {
    return value.signum() < 0 ? ZERO : this;
  }

  public int signum() {
    return value.signum();
  }

  public boolean isZero() {
    return value.signum() == 0;
  }

  public boolean isPositive() {
    return value.signum() > 0;
  }

  public boolean isNegative() {
    return value.signum() < 0;
  }

  @Override
  public int compareTo(Money other) {
    return value.compareTo(other.value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Money && ((Money) o).value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** Plain string with exactly two decimals, e.g. {@code "3005.39"}. */
  @Override
  public String toString() {
    return value.toPlainString();
  }
}
