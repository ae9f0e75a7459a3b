package com.huibao.gateway.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.huibao.gateway.domain.money.Money;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The writers' amount bytes ({@link MoneyText}) are the amount's text, for every amount a long of fen holds. */
class MoneyBytesProperties {
    @Property(tries = 5000)
    void amount_bytes_are_the_amount_text(@ForAll("fen") long fen) {
        Money m = Money.ofFen(fen);
        byte[] out = new byte[MoneyText.MAX_LENGTH];
        int start = MoneyText.write(m, out);
        assertThat(new String(out, start, out.length - start, StandardCharsets.US_ASCII))
                .isEqualTo(m.toString());
    }

    @Provide
    Arbitrary<Long> fen() {
        return Arbitraries.oneOf(
                Arbitraries.longs(),
                Arbitraries.longs().between(-1_000_000_00L, 1_000_000_00L),
                Arbitraries.of(
                        0L,
                        1L,
                        -1L,
                        99L,
                        100L,
                        -100L,
                        Integer.MAX_VALUE * 100L + 99,
                        (Integer.MAX_VALUE + 1L) * 100L,
                        Long.MAX_VALUE,
                        Long.MIN_VALUE,
                        Long.MIN_VALUE + 1));
    }
}
