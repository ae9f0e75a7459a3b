package com.huibao.gateway.domain.claim;

import static org.assertj.core.api.Assertions.assertThat;

import com.huibao.gateway.domain.benefit.UnpaidReason;
import com.huibao.gateway.domain.claim.ExplanationOfBenefits.Residual;
import com.huibao.gateway.domain.claim.ExplanationOfBenefits.Share;
import com.huibao.gateway.domain.money.Money;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The explanation of benefits' sums, on worked example 1 (9,035.00 share; 3,208.26 + 4,344.07 paid). */
class ExplanationOfBenefitsTest {
    private static Money m(String s) {
        return Money.parse(s);
    }

    private static Map<UnpaidReason, Money> unpaid(Object... reasonAmount) {
        Map<UnpaidReason, Money> u = new LinkedHashMap<>();
        for (int i = 0; i < reasonAmount.length; i += 2) {
            u.put((UnpaidReason) reasonAmount[i], m((String) reasonAmount[i + 1]));
        }
        return u;
    }

    private static final Share HMB = new Share(
            true,
            m("3208.26"),
            unpaid(
                    UnpaidReason.DEDUCTIBLE,
                    "2451.76",
                    UnpaidReason.COINSURANCE,
                    "1374.98",
                    UnpaidReason.ABOVE_PAYMENT_STANDARD,
                    "2000.00"));
    private static final Share PMI = new Share(
            true,
            m("4344.07"),
            unpaid(
                    UnpaidReason.DEDUCTIBLE,
                    "1000.00",
                    UnpaidReason.COINSURANCE,
                    "482.67",
                    UnpaidReason.NOT_COVERED,
                    "0.00"));

    @Test
    void the_residual_is_what_the_last_paying_policy_left_by_reason_largest_first() {
        ExplanationOfBenefits e = ExplanationOfBenefits.of(m("9035.00"), List.of(HMB, PMI));
        assertThat(e.payoutTotal()).isEqualTo(m("7552.33"));
        assertThat(e.residualSelfPay()).isEqualTo(m("1482.67"));
        assertThat(e.residualReasons())
                .containsExactly(
                        new Residual(UnpaidReason.DEDUCTIBLE, m("1000.00")),
                        new Residual(UnpaidReason.COINSURANCE, m("482.67")));
        assertThat(e.residualReasons().stream().map(Residual::amount).reduce(Money.ZERO, Money::plus))
                .as("the reasons add up to the residual")
                .isEqualTo(e.residualSelfPay());
    }

    @Test
    void a_reversed_claim_pays_nothing_and_explains_nothing() {
        Share reversed = new Share(false, m("4344.07"), Map.of());
        ExplanationOfBenefits e = ExplanationOfBenefits.of(m("9035.00"), List.of(HMB, reversed));
        assertThat(e.payoutTotal()).isEqualTo(m("3208.26"));
        assertThat(e.residualSelfPay()).isEqualTo(m("5826.74"));
        assertThat(e.residualReasons())
                .extracting(Residual::reason)
                .containsExactly(
                        UnpaidReason.DEDUCTIBLE, UnpaidReason.ABOVE_PAYMENT_STANDARD, UnpaidReason.COINSURANCE);
    }

    @Test
    void with_no_live_claim_the_whole_share_is_not_covered() {
        ExplanationOfBenefits e =
                ExplanationOfBenefits.of(m("9035.00"), List.of(new Share(false, m("3208.26"), Map.of())));
        assertThat(e.payoutTotal()).isEqualTo(Money.ZERO);
        assertThat(e.residualReasons()).containsExactly(new Residual(UnpaidReason.NOT_COVERED, m("9035.00")));
    }

    @Test
    void equal_amounts_keep_the_order_their_reasons_first_appeared_in() {
        Share s = new Share(
                true,
                m("10.00"),
                unpaid(
                        UnpaidReason.COINSURANCE,
                        "5.00",
                        UnpaidReason.DEDUCTIBLE,
                        "5.00",
                        UnpaidReason.ANNUAL_CAP,
                        "7.00"));
        assertThat(ExplanationOfBenefits.of(m("27.00"), List.of(s)).residualReasons())
                .extracting(Residual::reason)
                .containsExactly(UnpaidReason.ANNUAL_CAP, UnpaidReason.COINSURANCE, UnpaidReason.DEDUCTIBLE);
    }
}
