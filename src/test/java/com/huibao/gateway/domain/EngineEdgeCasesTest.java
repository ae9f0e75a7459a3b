package com.huibao.gateway.domain;

import static com.huibao.gateway.support.PlanBuilder.plan;
import static com.huibao.gateway.support.PlanBuilder.policy;
import static com.huibao.gateway.support.SettlementBuilder.settlement;
import static org.assertj.core.api.Assertions.assertThat;

import com.huibao.gateway.domain.benefit.Accumulators;
import com.huibao.gateway.domain.benefit.Adjudication;
import com.huibao.gateway.domain.benefit.BenefitEngine;
import com.huibao.gateway.domain.benefit.PolicyCase;
import com.huibao.gateway.domain.benefit.PolicyResult;
import com.huibao.gateway.domain.benefit.ResponsibilityResult;
import com.huibao.gateway.domain.coverage.ListCatalog;
import com.huibao.gateway.domain.coverage.ListEntry;
import com.huibao.gateway.domain.coverage.ListVersion;
import com.huibao.gateway.domain.coverage.MatchLevel;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.plan.LinePart;
import com.huibao.gateway.domain.plan.Plan;
import com.huibao.gateway.domain.settlement.Settlement;
import com.huibao.gateway.domain.settlement.SettlementValidator;
import com.huibao.gateway.domain.settlement.ValidationProfiles;
import com.huibao.gateway.support.SettlementBuilder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineEdgeCasesTest {
    private static final Plan OUT_OF_LIST_70 = plan("P")
            .pool("D", "100.00")
            .responsibility("OUT", null, LinePart.OUT_OF_LIST, List.of("21"), "D", "0.70", null, "1000.00", false)
            .build();

    private static Adjudication run(ListCatalog lists, Settlement s, PolicyCase... cases) {
        assertThat(new SettlementValidator(ValidationProfiles.defaults()).validate(s))
                .isEmpty();
        return new BenefitEngine(lists).adjudicate(s, List.of(cases));
    }

    private static PolicyCase allowed(Plan plan, Accumulators acc) {
        return PolicyCase.allowed(policy("POL-1", plan, "2026-01-01", "2027-01-01"), plan, acc);
    }

    private static Money m(String s) {
        return Money.parse(s);
    }

    @Test
    void zero_amount_lines_are_taken_but_pay_nothing() {
        Settlement s = settlement()
                .line("1", "A", "0.00", "0.00", "0.00", "0.00")
                .line("2", "B", "500.00", "0.00", "0.00", "0.00")
                .build();
        PolicyResult p = run(ListCatalog.empty(), s, allowed(OUT_OF_LIST_70, Accumulators.EMPTY))
                .policies()
                .get(0);
        ResponsibilityResult r = p.responsibilities().get(0);
        assertThat(r.eligible()).isEqualTo(m("500.00"));
        assertThat(r.deductible()).isEqualTo(m("100.00"));
        assertThat(r.payable()).isEqualTo(m("280.00"));
        assertThat(r.lines()).containsOnlyKeys("2");
        assertThat(p.lines().get(0).unpaid()).isEmpty();
    }

    @Test
    void settlement_entirely_out_of_catalogue_pays_out_of_list_only() {
        Settlement s = settlement()
                .fundFen(0)
                .line("1", "X1", "1000.00", "0.00", "0.00", "0.00")
                .line("2", "X2", "300.00", "0.00", "0.00", "0.00")
                .build();
        Adjudication a = run(ListCatalog.empty(), s, allowed(OUT_OF_LIST_70, Accumulators.EMPTY));
        assertThat(a.policies().get(0).payout()).isEqualTo(m("840.00"));
        assertThat(a.residualSelfPay()).isEqualTo(m("460.00"));
        assertThat(a.payoutTotal().plus(a.residualSelfPay()))
                .isEqualTo(s.setlinfo().psnPartAmt());
    }

    @Test
    void annual_cap_hit_mid_claim_pays_the_rest_of_the_cap_and_says_so() {
        Settlement s =
                settlement().line("1", "X", "2000.00", "0.00", "0.00", "0.00").build();
        Accumulators used = new Accumulators(Map.of("D", m("100.00")), Map.of("OUT", m("900.00")), m("900.00"));
        PolicyResult p = run(ListCatalog.empty(), s, allowed(OUT_OF_LIST_70, used))
                .policies()
                .get(0);
        ResponsibilityResult r = p.responsibilities().get(0);
        assertThat(r.payable()).isEqualTo(m("100.00"));
        assertThat(r.cappedBy()).isEqualTo("annual_cap");
        assertThat(p.lines().get(0).unpaid()).anySatisfy(u -> {
            assertThat(u.reason()).isEqualTo("ANNUAL_CAP");
            assertThat(u.amount()).isEqualTo(m("1300.00"));
        });
        assertThat(p.after().paid("OUT")).isEqualTo(m("1000.00"));
    }

    @Test
    void overall_cap_is_consumed_by_responsibilities_in_order_within_the_claim() {
        Plan plan = plan("P")
                .overallCap("500.00")
                .responsibility("IN", null, LinePart.IN_LIST, null, null, "1.00", null, null, false)
                .responsibility("OUT", null, LinePart.OUT_OF_LIST, null, null, "1.00", null, null, false)
                .build();
        Settlement s = settlement()
                .fundFen(0)
                .line("1", "X", "400.00", "0.00", "300.00", "0.00")
                .build();
        PolicyResult p = run(ListCatalog.empty(), s, allowed(plan, Accumulators.EMPTY))
                .policies()
                .get(0);
        assertThat(p.responsibilities())
                .extracting(ResponsibilityResult::payable)
                .containsExactly(m("300.00"), m("200.00"));
        assertThat(p.responsibilities().get(1).cappedBy()).isEqualTo("overall_cap");
        assertThat(p.payout()).isEqualTo(m("500.00"));
    }

    @Test
    void cap_already_exceeded_pays_zero_never_negative() {
        Settlement s =
                settlement().line("1", "X", "2000.00", "0.00", "0.00", "0.00").build();
        Accumulators over = new Accumulators(Map.of(), Map.of("OUT", m("1500.00")), m("1500.00"));
        PolicyResult p = run(ListCatalog.empty(), s, allowed(OUT_OF_LIST_70, over))
                .policies()
                .get(0);
        assertThat(p.payout()).isEqualTo(Money.ZERO);
        assertThat(p.responsibilities().get(0).cappedBy()).isEqualTo("annual_cap");
    }

    @Test
    void list_version_changes_on_the_settlement_day() {
        ListEntry drugV1 = entry("XDRUG01", null);
        ListVersion v1 = new ListVersion(
                "L", "v1", LocalDate.parse("2026-01-01"), LocalDate.parse("2026-03-15"), List.of(drugV1));
        ListVersion v2 =
                new ListVersion("L", "v2", LocalDate.parse("2026-03-15"), null, List.of(entry("XDRUG02", null)));
        ListCatalog lists = ListCatalog.of(List.of(v1, v2));
        Plan plan = plan("P")
                .responsibility("DRUG", "L", LinePart.BURDEN, null, null, "1.00", null, null, false)
                .build();
        SettlementBuilder day = settlement()
                .line("1", "XDRUG01", "100.00", "0.00", "0.00", "0.00")
                .line("2", "XDRUG02", "50.00", "0.00", "0.00", "0.00");
        Settlement before = day.at(LocalDateTime.of(2026, 3, 14, 23, 59, 59)).build();
        Settlement on = day.at(LocalDateTime.of(2026, 3, 15, 0, 0, 0)).build();
        assertThat(run(lists, before, allowed(plan, Accumulators.EMPTY)).payoutTotal())
                .isEqualTo(m("100.00"));
        assertThat(run(lists, on, allowed(plan, Accumulators.EMPTY)).payoutTotal())
                .isEqualTo(m("50.00"));
    }

    @Test
    void policy_period_is_half_open() {
        Settlement lastDay = settlement()
                .at(LocalDateTime.of(2026, 12, 31, 23, 0))
                .line("1", "X", "1000.00", "0.00", "0.00", "0.00")
                .build();
        Settlement firstDayAfter = settlement()
                .at(LocalDateTime.of(2027, 1, 1, 0, 0))
                .line("1", "X", "1000.00", "0.00", "0.00", "0.00")
                .build();
        assertThat(run(ListCatalog.empty(), lastDay, allowed(OUT_OF_LIST_70, Accumulators.EMPTY))
                        .policies())
                .hasSize(1);
        assertThat(run(ListCatalog.empty(), firstDayAfter, allowed(OUT_OF_LIST_70, Accumulators.EMPTY))
                        .policies())
                .isEmpty();
    }

    @Test
    void thousand_line_settlement_balances_to_the_fen() {
        SettlementBuilder b = settlement();
        for (int i = 1; i <= 1000; i++) {
            b.line(String.valueOf(i), "C" + i, (i % 7) + ".01", (i % 3) + ".10", (i % 5) + ".33", (i % 11) + "9.99");
        }
        Settlement s = b.acctFen(12345).build();
        Plan plan = plan("P")
                .pool("D", "50.00")
                .responsibility("ALL", null, LinePart.BURDEN, null, "D", "0.77", null, null, false)
                .build();
        Adjudication a = run(ListCatalog.empty(), s, allowed(plan, Accumulators.EMPTY));
        ResponsibilityResult r = a.policies().get(0).responsibilities().get(0);
        assertThat(r.lines().values().stream().reduce(Money.ZERO, Money::plus)).isEqualTo(r.payable());
        assertThat(r.eligible()).isEqualTo(s.setlinfo().psnPartAmt());
        assertThat(r.payable()).isEqualTo(r.eligible().minus(m("50.00")).times(new BigDecimal("0.77")));
    }

    @Test
    void preexisting_condition_uses_its_ratio_or_excludes() {
        Plan plan = plan("P")
                .responsibility("A", null, LinePart.IN_LIST, null, null, "0.80", "0.40", null, false)
                .responsibility("B", null, LinePart.OUT_OF_LIST, null, null, "0.80", null, null, false)
                .build();
        Settlement s = settlement()
                .diagnosis("C34.900")
                .fundFen(0)
                .line("1", "X", "100.00", "0.00", "100.00", "0.00")
                .build();
        PolicyCase preexisting =
                PolicyCase.allowed(policy("POL-1", plan, "2026-01-01", "2027-01-01", "C34"), plan, Accumulators.EMPTY);
        PolicyResult p = run(ListCatalog.empty(), s, preexisting).policies().get(0);
        assertThat(p.payout()).isEqualTo(m("40.00"));
        assertThat(p.responsibilities().get(1).ratio()).isNull();
        assertThat(p.lines().get(0).unpaid())
                .anySatisfy(u -> assertThat(u.reason()).isEqualTo("PREEXISTING_EXCLUDED"));
    }

    @Test
    void denied_policy_pays_nothing_and_leaves_the_burden_to_the_next_policy() {
        Plan first = plan("P1")
                .cob(1)
                .responsibility("ALL", null, LinePart.BURDEN, null, null, "1.00", null, null, false)
                .build();
        Plan second = plan("P2")
                .cob(2)
                .responsibility("ALL", null, LinePart.BURDEN, null, null, "0.50", null, null, false)
                .build();
        Settlement s = settlement()
                .fundFen(0)
                .line("1", "X", "100.00", "0.00", "0.00", "0.00")
                .build();
        Adjudication a = run(
                ListCatalog.empty(),
                s,
                new PolicyCase(
                        policy("A", first, "2026-01-01", "2027-01-01"), first, Accumulators.EMPTY, "NO_AUTHORIZATION"),
                PolicyCase.allowed(policy("B", second, "2026-01-01", "2027-01-01"), second, Accumulators.EMPTY));
        assertThat(a.policies().get(0).denialReason()).isEqualTo("NO_AUTHORIZATION");
        assertThat(a.policies().get(0).payout()).isEqualTo(Money.ZERO);
        assertThat(a.policies().get(0).delta()).isEqualTo(Accumulators.EMPTY);
        assertThat(a.policies().get(1).payout()).isEqualTo(m("50.00"));
    }

    @Test
    void a_huge_quantity_under_a_payment_standard_leaves_no_excess_rather_than_failing() {
        // found by scripts/fuzz: cnt = 1e32 made standard x cnt far outside any amount, and a 500
        ListEntry standard = new ListEntry(
                "XDR", MatchLevel.PREFIX, "d", m("10.00"), List.of(), List.of(), List.of(), false, null, null);
        ListCatalog lists = ListCatalog.of(
                List.of(new ListVersion("L", "1", LocalDate.parse("2026-01-01"), null, List.of(standard))));
        Plan plan = plan("P")
                .responsibility("DRUG", "L", LinePart.BURDEN, null, null, "1.00", null, null, false)
                .build();
        for (String cnt : List.of("100000000000000000000000000000000", "0.0000000000000000000001")) {
            Settlement s = settlement()
                    .fundFen(0)
                    .line("1", "XDRUG", "30.00", "0.00", "0.00", "0.00", null, new BigDecimal(cnt))
                    .build();
            PolicyResult r =
                    run(lists, s, allowed(plan, Accumulators.EMPTY)).policies().get(0);
            // a huge quantity: the standard allows everything; a tiny one: nearly all of it is above the standard
            assertThat(r.payout()).isEqualTo(cnt.length() > 30 ? m("30.00") : m("0.00"));
        }
    }

    @Test
    void entry_restrictions_fall_through_to_later_entries_and_explain_refusals() {
        ListEntry cancerOnly = new ListEntry(
                "XDRUG", MatchLevel.EXACT, "d", null, List.of("C50"), List.of(), List.of(), false, null, null);
        ListEntry anyWithApproval = new ListEntry(
                "XDR", MatchLevel.PREFIX, "d", m("10.00"), List.of(), List.of(), List.of(), true, null, null);
        ListCatalog lists = ListCatalog.of(List.of(
                new ListVersion("L", "1", LocalDate.parse("2026-01-01"), null, List.of(cancerOnly, anyWithApproval))));
        Plan plan = plan("P")
                .responsibility("DRUG", "L", LinePart.BURDEN, null, null, "1.00", null, null, false)
                .build();
        Settlement withApproval = settlement()
                .diagnosis("C34.1")
                .fundFen(0)
                .line("1", "XDRUG", "30.00", "0.00", "0.00", "0.00", "PA-1", new BigDecimal("2"))
                .build();
        PolicyResult paid = run(lists, withApproval, allowed(plan, Accumulators.EMPTY))
                .policies()
                .get(0);
        assertThat(paid.payout()).isEqualTo(m("20.00"));
        assertThat(paid.lines().get(0).unpaid())
                .singleElement()
                .satisfies(u -> assertThat(u.reason()).isEqualTo("ABOVE_PAYMENT_STANDARD"));
        Settlement withoutApproval = settlement()
                .diagnosis("C34.1")
                .fundFen(0)
                .line("1", "XDRUG", "30.00", "0.00", "0.00", "0.00")
                .build();
        PolicyResult refused = run(lists, withoutApproval, allowed(plan, Accumulators.EMPTY))
                .policies()
                .get(0);
        assertThat(refused.payout()).isEqualTo(Money.ZERO);
        assertThat(refused.lines().get(0).unpaid())
                .singleElement()
                .satisfies(u -> assertThat(u.reason()).isEqualTo("DIAGNOSIS_NOT_COVERED"));
    }

    private static ListEntry entry(String code, Money standard) {
        return new ListEntry(
                code, MatchLevel.EXACT, code, standard, List.of(), List.of(), List.of(), false, null, null);
    }
}
