package com.huibao.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.huibao.gateway.domain.money.Money;
import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Amounts are read and written without BigDecimal on the hot path (the replay reads and writes every amount of every
 * settlement); the short forms must give exactly what the BigDecimal forms give.
 */
class MoneyTextProperties {
    @Property(tries = 3000)
    void written_as_big_decimal_writes_it(@ForAll long fen) {
        assertThat(Money.ofFen(fen).toString())
                .isEqualTo(BigDecimal.valueOf(fen, 2).toPlainString());
    }

    @Property(tries = 3000)
    void read_as_big_decimal_reads_it(@ForAll("decimals") String text) {
        assertThat(Money.parse(text)).isEqualTo(Money.of(new BigDecimal(text)));
        assertThat(Money.parse(text).fen())
                .isEqualTo(new BigDecimal(text).movePointRight(2).longValueExact());
    }

    @Provide
    Arbitrary<String> decimals() {
        Arbitrary<String> sign = Arbitraries.of("", "-");
        Arbitrary<String> units = Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(15);
        Arbitrary<String> fraction = Arbitraries.of("", ".", ".0", ".5", ".05", ".50", ".99", ".1");
        return Combinators.combine(sign, units, fraction)
                .as((s, u, f) -> s + u + f)
                .filter(t -> t.matches("-?(\\d+(\\.\\d{1,2})?|\\.\\d{1,2})"));
    }
}
