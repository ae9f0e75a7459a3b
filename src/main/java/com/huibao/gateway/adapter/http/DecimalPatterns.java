package com.huibao.gateway.adapter.http;

import com.networknt.schema.regex.JDKRegularExpressionFactory;
import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The contract's decimal patterns ({@code ^-?[0-9]{1,I}(\.[0-9]{1,F})?$}: every amount, quantity and price of a
 * settlement) checked by a hand-written scan, every other pattern by the JDK's regex as before. A 30-line settlement
 * has about 300 such strings; matching them with {@code java.util.regex} was 8.5 % of a preview's event-loop time
 * (docs/PERFORMANCE.md). The scan answers exactly what the JDK's {@code find()} answers, final line terminator
 * before {@code $} included ({@code DecimalPatternsProperties}).
 */
final class DecimalPatterns implements RegularExpressionFactory {
    private static final Pattern DECIMAL =
            Pattern.compile("\\^-\\?\\[0-9\\]\\{1,(\\d{1,2})\\}\\(\\\\\\.\\[0-9\\]\\{1,(\\d{1,2})\\}\\)\\?\\$");

    @Override
    public RegularExpression getRegularExpression(String regex) {
        Matcher m = DECIMAL.matcher(regex);
        if (m.matches()) {
            return new Scan(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        return JDKRegularExpressionFactory.getInstance().getRegularExpression(regex);
    }

    /** A decimal pattern, scanned. */
    record Scan(int integer, int fraction) implements RegularExpression {
        @Override
        public boolean matches(String value) {
            return DecimalPatterns.matches(value, integer, fraction);
        }
    }

    /** {@code ^-?[0-9]{1,integer}(\.[0-9]{1,fraction})?$} as the JDK finds it. */
    static boolean matches(String s, int integer, int fraction) {
        if (strict(s, s.length(), integer, fraction)) {
            return true;
        }
        // without MULTILINE, the JDK's $ also matches before a line terminator that ends the input
        int n = s.length();
        if (n >= 2 && s.charAt(n - 2) == '\r' && s.charAt(n - 1) == '\n') {
            return strict(s, n - 2, integer, fraction);
        }
        if (n >= 1) {
            char c = s.charAt(n - 1);
            if (c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029') {
                return strict(s, n - 1, integer, fraction);
            }
        }
        return false;
    }

    private static boolean strict(String s, int end, int integer, int fraction) {
        int i = 0;
        if (i < end && s.charAt(i) == '-') {
            i++;
        }
        int start = i;
        while (i < end && isDigit(s.charAt(i))) {
            i++;
        }
        int digits = i - start;
        if (digits < 1 || digits > integer) {
            return false;
        }
        if (i == end) {
            return true;
        }
        if (s.charAt(i) != '.') {
            return false;
        }
        i++;
        int fractionStart = i;
        while (i < end && isDigit(s.charAt(i))) {
            i++;
        }
        int decimals = i - fractionStart;
        return i == end && decimals >= 1 && decimals <= fraction;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
