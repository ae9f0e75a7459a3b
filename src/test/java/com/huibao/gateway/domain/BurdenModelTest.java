package com.huibao.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.huibao.gateway.domain.benefit.BurdenCalculator;
import com.huibao.gateway.domain.benefit.LineBurden;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.settlement.Settlement;
import com.huibao.gateway.domain.settlement.SettlementValidator;
import com.huibao.gateway.domain.settlement.ValidationProfiles;
import com.huibao.gateway.support.SettlementBuilder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import java.util.function.ToLongFunction;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * The burden model (docs/SETTLEMENTS.md): the hospital's part comes off the in-scope self-pay, then the first
 * self-pay, then the out-of-list part; compensation inside the settlement comes off all parts in proportion; the
 * burden always adds up to {@code psn_part_amt}.
 */
class BurdenModelTest {
    private static final SettlementValidator VALIDATOR = new SettlementValidator(ValidationProfiles.defaults());

    private static long sum(List<LineBurden> lines, ToLongFunction<LineBurden> f) {
        return lines.stream().mapToLong(f).sum();
    }

    @Test
    void the_hospital_part_takes_the_in_scope_self_pay_first_then_the_first_self_pay() {
        // line 1: in-scope 1000.00 (fund 800.00 → self-pay 200.00), first self-pay 100.00; line 2: out of list 500.00
        Settlement s = SettlementBuilder.settlement()
                .line("1", "X1", "0.00", "0.00", "100.00", "1000.00")
                .line("2", "X2", "500.00", "0.00", "0.00", "0.00")
                .fundFen(80000)
                .hospFen(25000)
                .build();
        assertThat(VALIDATOR.validate(s)).isEmpty();
        List<LineBurden> b = BurdenCalculator.burdens(s).asList();
        // psn = 1600.00 − 800.00 − 250.00 = 550.00: the 250.00 the hospital bears takes the 200.00 in-scope self-pay
        // and 50.00 of the first self-pay; the out-of-list 500.00 stays the patient's
        assertThat(b.get(0).inList()).isEqualTo(Money.parse("50.00"));
        assertThat(b.get(0).hospitalPart()).isEqualTo(Money.parse("250.00"));
        assertThat(b.get(1).outOfList()).isEqualTo(Money.parse("500.00"));
        assertThat(sum(b, l -> l.burden().fen()))
                .isEqualTo(s.setlinfo().psnPartAmt().fen());
    }

    @Test
    void compensation_inside_the_settlement_comes_off_every_part_in_proportion() {
        Settlement s = SettlementBuilder.settlement()
                .line("1", "X1", "0.00", "0.00", "0.00", "1000.00")
                .line("2", "X2", "300.00", "0.00", "0.00", "0.00")
                .fundFen(90000)
                .otherFundFen(10000)
                .build();
        assertThat(VALIDATOR.validate(s)).isEmpty();
        List<LineBurden> b = BurdenCalculator.burdens(s).asList();
        // the patient's costs: in-scope 1000.00 − basic fund 800.00 = 200.00, out of list 300.00; the 100.00 paid by a
        // commercial fund inside the settlement is spread 200 : 300
        assertThat(b.get(0).compensated()).isEqualTo(Money.parse("40.00"));
        assertThat(b.get(1).compensated()).isEqualTo(Money.parse("60.00"));
        assertThat(b.get(0).burden()).isEqualTo(Money.parse("160.00"));
        assertThat(b.get(1).burden()).isEqualTo(Money.parse("240.00"));
        assertThat(sum(b, l -> l.burden().fen()))
                .isEqualTo(s.setlinfo().psnPartAmt().fen());
    }

    @Property(tries = 500)
    void the_burden_adds_up_to_psn_part_amt_whatever_the_hospital_and_other_funds_took(@ForAll long seed) {
        Random r = new Random(seed);
        SettlementBuilder b = SettlementBuilder.settlement();
        long inscp = 0;
        long other = 0;
        for (int i = 1; i <= 1 + r.nextInt(12); i++) {
            long in = r.nextInt(100_000);
            long pre = r.nextInt(3) == 0 ? r.nextInt(5_000) : 0;
            long ful = r.nextInt(3) == 0 ? r.nextInt(50_000) : 0;
            long over = r.nextInt(5) == 0 ? r.nextInt(5_000) : 0;
            b.line(String.valueOf(i), "X" + i, fen(ful), fen(over), fen(pre), fen(in));
            inscp += in;
            other += ful + over + pre;
        }
        long fund = inscp == 0 ? 0 : r.nextLong(inscp + 1);
        long nonFund = inscp - fund + other;
        long hosp = nonFund == 0 ? 0 : r.nextLong(nonFund + 1);
        long otherFund = fund == 0 ? 0 : r.nextLong(fund + 1);
        Settlement s = b.fundFen(fund).hospFen(hosp).otherFundFen(otherFund).build();
        assertThat(VALIDATOR.validate(s)).isEmpty();
        List<LineBurden> lines = BurdenCalculator.burdens(s).asList();
        assertThat(sum(lines, l -> l.burden().fen()))
                .isEqualTo(s.setlinfo().psnPartAmt().fen());
        assertThat(sum(lines, l -> l.hospitalPart().fen())).isEqualTo(hosp);
        assertThat(sum(lines, l -> l.compensated().fen())).isEqualTo(otherFund);
        assertThat(lines).allSatisfy(l -> {
            assertThat(l.inList().isNegative()).isFalse();
            assertThat(l.outOfList().isNegative()).isFalse();
        });
    }

    private static String fen(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
