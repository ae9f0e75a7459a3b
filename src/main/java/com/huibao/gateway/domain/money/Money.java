package com.huibao.gateway.domain.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of CNY exact to the fen, seen as a {@link BigDecimal} at scale 2. Never constructed from a double.
 *
 * <p>The value is held as its exact count of fen in a {@code long} (every amount of the national interface,
 * numeric(16,2), fits many times over), and the scale-2 {@link BigDecimal} is built on first use: this keeps the
 * engine's sums exact and free of allocation. Arithmetic that would leave the {@code long} range throws rather than
 * wraps. Negative amounts exist only as intermediate differences; documents refuse them at validation.
 */
public final class Money implements Comparable<Money> {
    private static final BigDecimal MAX_FEN = BigDecimal.valueOf(Long.MAX_VALUE, 2);
    private static final BigDecimal MIN_FEN = BigDecimal.valueOf(Long.MIN_VALUE, 2);
    public static final Money ZERO = new Money(0);

    private final long fen;
    private BigDecimal value;

    private Money(long fen) {
        this.fen = fen;
    }

    /** Exact conversion; refuses more than 2 significant decimals (3.000 is fine, 3.001 is not). */
    public static Money of(BigDecimal amount) {
        BigDecimal scaled;
        try {
            scaled = amount.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new AmountFormatException("more than 2 decimals: " + amount.toPlainString());
        }
        if (scaled.compareTo(MAX_FEN) > 0 || scaled.compareTo(MIN_FEN) < 0) {
            throw new AmountFormatException("amount out of range: " + amount.toPlainString());
        }
        Money m = new Money(scaled.unscaledValue().longValueExact());
        m.value = scaled;
        return m;
    }

    /** Parses a decimal string such as {@code "123.45"}; exponents, blanks and more than 2 decimals are refused. */
    public static Money parse(String text) {
        if (text == null || text.isEmpty() || text.length() > 40 || !isPlainDecimal(text)) {
            throw new AmountFormatException("not a decimal amount: " + text);
        }
        long fen = shortFen(text);
        return fen != NOT_SHORT ? ofFen(fen) : of(new BigDecimal(text));
    }

    private static final long NOT_SHORT = Long.MIN_VALUE;

    /**
     * The fen of a plain decimal of at most 16 characters and 2 decimals ({@code 123.45}, {@code -7}, {@code 0.5}),
     * read without a BigDecimal (amounts are read once per field of every settlement); {@link #NOT_SHORT} otherwise.
     */
    private static long shortFen(String text) {
        int n = text.length();
        if (n > 16) {
            return NOT_SHORT;
        }
        int dot = text.indexOf('.');
        int decimals = dot < 0 ? 0 : n - dot - 1;
        if (decimals > 2) {
            return NOT_SHORT;
        }
        boolean negative = text.charAt(0) == '-';
        long v = 0;
        for (int i = negative ? 1 : 0; i < n; i++) {
            char c = text.charAt(i);
            if (c != '.') {
                v = v * 10 + (c - '0');
            }
        }
        for (int i = decimals; i < 2; i++) {
            v *= 10;
        }
        return negative ? -v : v;
    }

    public static Money ofFen(long fen) {
        return fen == 0 ? ZERO : new Money(fen);
    }

    /** HALF_UP to the fen: the one rounding step of the benefit arithmetic. */
    public static Money roundHalfUp(BigDecimal exact) {
        return of(exact.setScale(2, RoundingMode.HALF_UP));
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
        BigDecimal v = value;
        if (v == null) {
            v = BigDecimal.valueOf(fen, 2);
            value = v;
        }
        return v;
    }

    /** The amount in fen (exact). */
    /** The amount without its sign. */
    public Money abs() {
        return fen < 0 ? ofFen(-fen) : this;
    }

    public long fen() {
        return fen;
    }

    public Money plus(Money other) {
        return ofFen(Math.addExact(fen, other.fen));
    }

    public Money minus(Money other) {
        return ofFen(Math.subtractExact(fen, other.fen));
    }

    /** {@code round_half_up(this × ratio)}. */
    public Money times(BigDecimal ratio) {
        return roundHalfUp(value().multiply(ratio));
    }

    public Money min(Money other) {
        return fen <= other.fen ? this : other;
    }

    public Money max(Money other) {
        return fen >= other.fen ? this : other;
    }

    /** {@code max(0, this)}. */
    public Money floorZero() {
        return fen < 0 ? ZERO : this;
    }

    public int signum() {
        return Long.signum(fen);
    }

    public boolean isZero() {
        return fen == 0;
    }

    public boolean isPositive() {
        return fen > 0;
    }

    public boolean isNegative() {
        return fen < 0;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(fen, other.fen);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money && ((Money) o).fen == fen;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(fen);
    }

    /** Plain string with exactly two decimals, e.g. {@code "3005.39"}. */
    @Override
    public String toString() {
        if (fen == Long.MIN_VALUE) {
            return value().toPlainString();
        }
        long abs = Math.abs(fen);
        long cents = abs % 100;
        StringBuilder s = new StringBuilder(24);
        if (fen < 0) {
            s.append('-');
        }
        return s.append(abs / 100).append(cents < 10 ? ".0" : ".").append(cents).toString();
    }
}
