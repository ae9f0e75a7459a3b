package com.huibao.gateway.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The hand-written decimal scan answers what the JDK's regex answers, on the contract's patterns and odd input. */
class DecimalPatternsProperties {
    private static final String MONEY = "^-?[0-9]{1,16}(\\.[0-9]{1,2})?$";
    private static final String QUANTITY = "^-?[0-9]{1,20}(\\.[0-9]{1,8})?$";

    @Property(tries = 5000)
    void the_scan_finds_what_the_jdk_finds(@ForAll("texts") String value) {
        for (String pattern : new String[] {MONEY, QUANTITY}) {
            boolean jdk = Pattern.compile(pattern).matcher(value).find();
            assertThat(new DecimalPatterns().getRegularExpression(pattern).matches(value))
                    .as("%s on %s", pattern, value.replace("\n", "\\n").replace("\r", "\\r"))
                    .isEqualTo(jdk);
        }
    }

    @Test
    void the_contracts_decimal_patterns_are_scanned_and_others_left_to_the_jdk() {
        DecimalPatterns f = new DecimalPatterns();
        assertThat(f.getRegularExpression(MONEY)).isEqualTo(new DecimalPatterns.Scan(16, 2));
        assertThat(f.getRegularExpression(QUANTITY)).isEqualTo(new DecimalPatterns.Scan(20, 8));
        assertThat(f.getRegularExpression("^[0-9a-f]{64}$")).isNotInstanceOf(DecimalPatterns.Scan.class);
        assertThat(f.getRegularExpression(MONEY).matches("12.34")).isTrue();
        assertThat(f.getRegularExpression(MONEY).matches("12.345")).isFalse();
        assertThat(f.getRegularExpression(MONEY).matches("12.34\n"))
                .as("as the JDK's $")
                .isTrue();
        assertThat(f.getRegularExpression(MONEY).matches("１２.34"))
                .as("full-width digits")
                .isFalse();
        assertThat(f.getRegularExpression("^[0-9a-f]{64}$").matches("ab".repeat(32)))
                .isTrue();
        assertThat(f.getRegularExpression("^[0-9a-f]{64}$").matches("AB".repeat(32)))
                .isFalse();
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> decimalish = Arbitraries.strings()
                .withChars("0123456789-.\n\r\u2028\u0085a ٣")
                .ofMinLength(0)
                .ofMaxLength(26);
        Arbitrary<String> near = Arbitraries.integers()
                .between(0, 22)
                .flatMap(i -> Arbitraries.integers()
                        .between(0, 10)
                        .flatMap(f -> Arbitraries.of("", "-", "--")
                                .flatMap(sign -> Arbitraries.of("", "\n", "\r\n", "\r", "\u2029", "\n\n", "x")
                                        .map(end -> sign
                                                + "7".repeat(i)
                                                + (f == 0 ? "" : "." + "3".repeat(f - 1))
                                                + end))));
        return Arbitraries.oneOf(decimalish, near);
    }
}
