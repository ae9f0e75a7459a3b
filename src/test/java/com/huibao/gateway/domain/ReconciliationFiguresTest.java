package com.huibao.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.huibao.gateway.domain.claim.ClaimState;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.reconciliation.ClaimFigure;
import com.huibao.gateway.domain.reconciliation.DetailMatch;
import com.huibao.gateway.domain.reconciliation.InsurerAccount;
import com.huibao.gateway.domain.reconciliation.PeriodTotals;
import com.huibao.gateway.domain.reconciliation.SettlementFigure;
import com.huibao.gateway.domain.reconciliation.TotalsCheck;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Period totals with and without refunds, the settlement-by-settlement match, and each insurer's account. */
class ReconciliationFiguresTest {
    private static Money m(String s) {
        return Money.parse(s);
    }

    private static SettlementFigure s(String id, boolean reversed, String insurers) {
        return new SettlementFigure(
                id, LocalDateTime.parse("2026-03-15T10:00:00"), reversed, m("100.00"), m(insurers), m("10.00"));
    }

    private static final List<SettlementFigure> PERIOD = List.of(s("A", false, "60.00"), s("B", true, "70.00"));

    @Test
    void a_reversed_settlement_counts_twice_with_refunds_and_not_at_all_without_and_adds_nothing() {
        assertThat(PeriodTotals.of(PERIOD, false)).isEqualTo(new PeriodTotals(1, m("100.00"), m("60.00"), m("10.00")));
        assertThat(PeriodTotals.of(PERIOD, true)).isEqualTo(new PeriodTotals(3, m("100.00"), m("60.00"), m("10.00")));
        assertThat(TotalsCheck.compare(
                        new TotalsCheck.Claimed(1, null, m("60.00"), null), PeriodTotals.of(PERIOD, false)))
                .isEmpty();
        assertThat(TotalsCheck.compare(
                        new TotalsCheck.Claimed(1, m("99.99"), m("60.00"), null), PeriodTotals.of(PERIOD, false)))
                .containsExactly(new TotalsCheck.Difference("psn_part_amt", "99.99", "100.00"));
    }

    @Test
    void the_detail_match_names_each_side_and_each_difference() {
        DetailMatch.Result r = DetailMatch.match(
                List.of(new DetailMatch.Listed("B", false, m("70.00")), new DetailMatch.Listed("C", false, null)),
                PERIOD);
        assertThat(r.onlyOurs()).extracting(SettlementFigure::setlId).containsExactly("A");
        assertThat(r.onlyTheirs()).extracting(DetailMatch.Listed::setlId).containsExactly("C");
        assertThat(r.differing()).containsExactly(new DetailMatch.Mismatch("B", "state", "CONFIRMED", "REVERSED"));
        assertThat(r.balanced()).isFalse();
        assertThat(DetailMatch.match(
                                List.of(
                                        new DetailMatch.Listed("A", false, m("60.00")),
                                        new DetailMatch.Listed("B", true, null)),
                                PERIOD)
                        .balanced())
                .isTrue();
    }

    @Test
    void an_account_splits_net_into_paid_and_outstanding_and_keeps_what_was_paid_on_reversed_claims() {
        InsurerAccount a = InsurerAccount.of(List.of(
                        new ClaimFigure("I", ClaimState.APPROVED, m("100.00"), m("30.00")),
                        new ClaimFigure("I", ClaimState.PAID, m("50.00"), m("50.00")),
                        new ClaimFigure("I", ClaimState.REVERSED, m("40.00"), m("15.00")),
                        new ClaimFigure("I", ClaimState.PAID, m("20.00"), m("25.00"))))
                .get("I");
        assertThat(a.confirmed()).isEqualTo(m("210.00"));
        assertThat(a.reversed()).isEqualTo(m("40.00"));
        assertThat(a.net()).isEqualTo(m("170.00"));
        assertThat(a.paid()).isEqualTo(m("100.00"));
        assertThat(a.outstanding()).isEqualTo(m("70.00"));
        assertThat(a.paid().plus(a.outstanding())).isEqualTo(a.net());
        assertThat(a.receivable())
                .as("15 on the reversed claim, 5 paid beyond a refunded share")
                .isEqualTo(m("20.00"));
    }
}
