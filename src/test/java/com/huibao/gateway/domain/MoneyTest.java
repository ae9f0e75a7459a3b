package com.huibao.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huibao.gateway.domain.money.AmountFormatException;
import com.huibao.gateway.domain.money.LargestRemainder;
import com.huibao.gateway.domain.money.Money;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {
    @Test
    void two_decimals_parse_three_are_refused_unless_trailing_zero() {
        assertThat(Money.parse("12.3").toString()).isEqualTo("12.30");
        assertThat(Money.parse("12.34").toString()).isEqualTo("12.34");
        assertThat(Money.of(new BigDecimal("12.340")).toString()).isEqualTo("12.34");
        assertThatThrownBy(() -> Money.parse("12.345")).isInstanceOf(AmountFormatException.class);
        assertThatThrownBy(() -> Money.parse("1e3")).isInstanceOf(AmountFormatException.class);
        assertThatThrownBy(() -> Money.parse(" 1")).isInstanceOf(AmountFormatException.class);
        assertThatThrownBy(() -> Money.parse("NaN")).isInstanceOf(AmountFormatException.class);
    }

    @Test
    void half_up_rounding_to_the_fen() {
        assertThat(Money.parse("4293.42").times(new BigDecimal("0.70")).toString())
                .isEqualTo("3005.39");
        assertThat(Money.parse("0.05").times(new BigDecimal("0.5")).toString()).isEqualTo("0.03");
    }

    @Test
    void largest_remainder_sums_exactly_and_breaks_ties_to_the_lower_index() {
        Money[] shares = LargestRemainder.split(
                Money.parse("0.02"), new Money[] {Money.parse("1.00"), Money.parse("1.00"), Money.parse("1.00")});
        assertThat(shares).extracting(Money::toString).containsExactly("0.01", "0.01", "0.00");
        Money[] big = LargestRemainder.split(
                Money.parse("99999999999999.99"),
                new Money[] {Money.parse("33333333333333.33"), Money.parse("66666666666666.67")});
        assertThat(big[0].plus(big[1])).isEqualTo(Money.parse("99999999999999.99"));
    }

    @Test
    void zero_amount_over_zero_weights_is_all_zero() {
        assertThat(LargestRemainder.split(Money.ZERO, new Money[] {Money.ZERO})).containsExactly(Money.ZERO);
    }
}
