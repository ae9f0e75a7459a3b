package com.huibao.gateway.domain;

import static com.huibao.gateway.support.SettlementBuilder.settlement;
import static org.assertj.core.api.Assertions.assertThat;

import com.huibao.gateway.domain.benefit.Accumulators;
import com.huibao.gateway.domain.benefit.Adjudication;
import com.huibao.gateway.domain.benefit.BenefitEngine;
import com.huibao.gateway.domain.benefit.PolicyCase;
import com.huibao.gateway.domain.benefit.PolicyResult;
import com.huibao.gateway.domain.benefit.UnpaidPart;
import com.huibao.gateway.domain.coverage.ListCatalog;
import com.huibao.gateway.domain.coverage.ListEntry;
import com.huibao.gateway.domain.coverage.ListVersion;
import com.huibao.gateway.domain.coverage.MatchLevel;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.plan.Conditions;
import com.huibao.gateway.domain.plan.DeductiblePool;
import com.huibao.gateway.domain.plan.LinePart;
import com.huibao.gateway.domain.plan.Plan;
import com.huibao.gateway.domain.policy.Policy;
import com.huibao.gateway.domain.settlement.Settlement;
import com.huibao.gateway.domain.settlement.SettlementValidator;
import com.huibao.gateway.domain.settlement.ValidationProfiles;
import com.huibao.gateway.support.PlanBuilder;
import com.huibao.gateway.support.SettlementBuilder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The plan-term extensions, each worked by hand on a compact plan shaped like 沪惠保 2025: an inpatient
 * out-of-catalogue benefit (Shanghai-insured only, 12,000 deductible with claim-free tiers, 70 %, 30-day run-off,
 * surgical materials ≤ 200,000 per admission, PET-CT once a year) before a specialty-drug benefit (70 %, one drug
 * ≤ 300,000 a year).
 */
class PlanTermsTest {
    private static final LocalDate FROM = LocalDate.parse("2025-07-01");
    private static final LocalDate TO = LocalDate.parse("2026-07-01");

    private static final ListCatalog LISTS = ListCatalog.of(List.of(
            new ListVersion(
                    "DRUGS",
                    "2025",
                    FROM,
                    null,
                    List.of(new ListEntry(
                            "XDRUG-A",
                            MatchLevel.EXACT,
                            "drug A",
                            null,
                            List.of(),
                            List.of(),
                            List.of(),
                            false,
                            null,
                            null,
                            Money.parse("300000.00"),
                            null,
                            null))),
            new ListVersion(
                    "INPAT-LIMITS",
                    "2025",
                    FROM,
                    null,
                    List.of(
                            new ListEntry(
                                    "C",
                                    MatchLevel.PREFIX,
                                    "surgical materials",
                                    null,
                                    List.of(),
                                    List.of(),
                                    List.of(),
                                    false,
                                    null,
                                    null,
                                    null,
                                    null,
                                    Money.parse("200000.00")),
                            new ListEntry(
                                    "PETCT01",
                                    MatchLevel.EXACT,
                                    "PET-CT",
                                    null,
                                    List.of(),
                                    List.of(),
                                    List.of(),
                                    false,
                                    null,
                                    null,
                                    null,
                                    1,
                                    null)))));

    private static final Plan PLAN = PlanBuilder.plan("HMB25")
            .pool(
                    "ANNUAL",
                    "12000.00",
                    new DeductiblePool.Tier(2, Money.parse("11000.00")),
                    new DeductiblePool.Tier(3, Money.parse("10000.00")))
            .responsibility(
                    "INPATIENT",
                    null,
                    LinePart.OUT_OF_LIST,
                    List.of("21"),
                    "ANNUAL",
                    "0.70",
                    "0.50",
                    "1000000.00",
                    null,
                    new Conditions(List.of("31"), null, null, null, null, 30),
                    "INPAT-LIMITS")
            .responsibility(
                    "DRUG",
                    "DRUGS",
                    LinePart.BURDEN,
                    null,
                    null,
                    "0.70",
                    "0.30",
                    "1000000.00",
                    null,
                    Conditions.NONE,
                    null)
            .build();

    private static Policy policy(Integer claimFreeYears, Map<String, Money> deductibles) {
        return new Policy(
                "P-1",
                "HMB25",
                "INS-T",
                "01",
                "310101198001010011",
                FROM,
                TO,
                List.of(),
                null,
                deductibles,
                claimFreeYears);
    }

    private static PolicyResult run(Settlement s, Accumulators before) {
        return run(s, before, policy(null, Map.of()), PLAN, s.setlDate());
    }

    private static PolicyResult run(Settlement s, Accumulators before, Policy p, Plan plan, LocalDate claimDate) {
        assertThat(new SettlementValidator(ValidationProfiles.defaults()).validate(s))
                .isEmpty();
        Adjudication a =
                new BenefitEngine(LISTS).adjudicate(s, List.of(PolicyCase.allowed(p, plan, before)), claimDate);
        return a.policies().isEmpty() ? null : a.policies().get(0);
    }

    private static Accumulators used(Map<String, String> limits, Map<String, Long> counts, String deductible) {
        Map<String, Money> l = new HashMap<>();
        limits.forEach((k, v) -> l.put(k, Money.parse(v)));
        return new Accumulators(Map.of("ANNUAL", Money.parse(deductible)), Map.of(), Money.ZERO, l, counts);
    }

    private static Money m(String s) {
        return Money.parse(s);
    }

    private static UnpaidPart unpaid(PolicyResult p, int line, String reason) {
        return p.lines().get(line).unpaid().stream()
                .filter(u -> u.reason().equals(reason))
                .findFirst()
                .orElseThrow();
    }

    private static SettlementBuilder shanghai() {
        return settlement().region("310100").fundFen(0);
    }

    @Test
    void a_drug_crosses_its_annual_sub_limit_mid_claim() {
        // 290,000 of drug A's 300,000 already paid. Two lines of 10,000 each: 70 % = 7,000 + 7,000 wanted;
        // the first gets 7,000, the second the 3,000 left; 4,000 stopped by the code's annual cap.
        // In-catalogue co-pay lines (INPATIENT covers out-of-catalogue only), so DRUG takes them.
        Settlement s = shanghai()
                .line("1", "XDRUG-A", "0.00", "0.00", "10000.00", "0.00")
                .line("2", "XDRUG-A", "0.00", "0.00", "10000.00", "0.00")
                .build();
        PolicyResult p = run(s, used(Map.of("entry:DRUGS:XDRUG-A", "290000.00"), Map.of(), "0.00"));
        assertThat(p.responsibilities().get(1).lines())
                .containsEntry("1", m("7000.00"))
                .containsEntry("2", m("3000.00"));
        assertThat(p.payout()).isEqualTo(m("10000.00"));
        UnpaidPart cut = unpaid(p, 1, "CODE_ANNUAL_CAP");
        assertThat(cut.amount()).isEqualTo(m("4000.00"));
        assertThat(cut.limit()).isEqualTo("entry:DRUGS:XDRUG-A");
        assertThat(p.after().limitUsed("entry:DRUGS:XDRUG-A")).isEqualTo(m("300000.00"));
    }

    @Test
    void a_second_settlement_of_one_admission_hits_the_per_admission_cap_a_new_admission_does_not() {
        // Admission M1, first settlement: materials 250,000 out of catalogue. Deductible 12,000 → 238,000 × 0.70 =
        // 166,600 (under the 200,000 per admission).
        Settlement first = shanghai()
                .mdtrtId("M1")
                .line("1", "C0301", "250000.00", "0.00", "0.00", "0.00")
                .build();
        PolicyResult p1 = run(first, Accumulators.EMPTY);
        assertThat(p1.payout()).isEqualTo(m("166600.00"));
        String key = "admission:M1:entry:INPAT-LIMITS:C";
        assertThat(p1.after().limitUsed(key)).isEqualTo(m("166600.00"));
        // Same admission, second settlement: 100,000 × 0.70 = 70,000 wanted, 33,400 left of the 200,000.
        Settlement second = shanghai()
                .id("S-2")
                .mdtrtId("M1")
                .line("1", "C0302", "100000.00", "0.00", "0.00", "0.00")
                .build();
        PolicyResult p2 = run(second, p1.after());
        assertThat(p2.payout()).isEqualTo(m("33400.00"));
        assertThat(unpaid(p2, 0, "CODE_ADMISSION_CAP").amount()).isEqualTo(m("36600.00"));
        assertThat(unpaid(p2, 0, "CODE_ADMISSION_CAP").limit()).isEqualTo(key);
        // A new admission M2: its own 200,000.
        Settlement other = shanghai()
                .id("S-3")
                .mdtrtId("M2")
                .line("1", "C0303", "100000.00", "0.00", "0.00", "0.00")
                .build();
        assertThat(run(other, p2.after()).payout()).isEqualTo(m("70000.00"));
    }

    @Test
    void a_second_pet_ct_in_a_year_is_not_paid() {
        // Deductible already used up: 8,000 × 0.70 = 5,600 for the first PET-CT; the second one is the count's.
        Settlement first = shanghai()
                .line("1", "PETCT01", "8000.00", "0.00", "0.00", "0.00")
                .build();
        PolicyResult p1 = run(first, used(Map.of(), Map.of(), "12000.00"));
        assertThat(p1.payout()).isEqualTo(m("5600.00"));
        assertThat(p1.after().count("entry:INPAT-LIMITS:PETCT01")).isEqualTo(1);
        Settlement second = shanghai()
                .id("S-2")
                .mdtrtId("M2")
                .line("1", "PETCT01", "8000.00", "0.00", "0.00", "0.00")
                .build();
        PolicyResult p2 = run(second, p1.after());
        assertThat(p2.payout()).isEqualTo(Money.ZERO);
        assertThat(unpaid(p2, 0, "CODE_ANNUAL_COUNT").amount()).isEqualTo(m("5600.00"));
    }

    @Test
    void claim_free_years_and_the_policys_own_deductible() {
        // 20,000 out of catalogue: (20,000 − deductible) × 0.70.
        Settlement s =
                shanghai().line("1", "X1", "20000.00", "0.00", "0.00", "0.00").build();
        assertThat(run(s, Accumulators.EMPTY, policy(null, Map.of()), PLAN, s.setlDate())
                        .payout())
                .isEqualTo(m("5600.00"));
        assertThat(run(s, Accumulators.EMPTY, policy(2, Map.of()), PLAN, s.setlDate())
                        .payout())
                .isEqualTo(m("6300.00"));
        assertThat(run(s, Accumulators.EMPTY, policy(5, Map.of()), PLAN, s.setlDate())
                        .payout())
                .isEqualTo(m("7000.00"));
        assertThat(run(s, Accumulators.EMPTY, policy(3, Map.of("ANNUAL", m("11500.00"))), PLAN, s.setlDate())
                        .payout())
                .isEqualTo(m("5950.00"));
    }

    @Test
    void another_provinces_settlement_is_refused_by_the_inpatient_benefit_but_paid_by_the_drug_benefit() {
        // Insured in Guangdong (44…): INPATIENT refuses both parts, which stay available; DRUG takes the drug line
        // (10,000 × 0.70 = 7,000); the other line stays unpaid for its region.
        Settlement s = settlement()
                .region("440300")
                .fundFen(0)
                .line("1", "XDRUG-A", "10000.00", "0.00", "0.00", "0.00")
                .line("2", "X-OTHER", "5000.00", "0.00", "0.00", "0.00")
                .build();
        PolicyResult p = run(s, Accumulators.EMPTY);
        assertThat(p.responsibilities().get(0).eligible()).isEqualTo(Money.ZERO);
        assertThat(p.responsibilities().get(1).lines()).containsOnly(Map.entry("1", m("7000.00")));
        assertThat(p.payout()).isEqualTo(m("7000.00"));
        assertThat(p.lines().get(1).unpaid())
                .singleElement()
                .satisfies(u -> assertThat(u.reason()).isEqualTo("REGION_NOT_COVERED"));
    }

    @Test
    void a_service_on_the_last_day_is_paid_when_claimed_in_the_run_off() {
        Settlement lastDay = shanghai()
                .at(LocalDateTime.parse("2026-06-30T16:00:00"))
                .line("1", "X1", "20000.00", "0.00", "0.00", "0.00")
                .build();
        // Claimed 19 days after the policy ended (effective_to 2026-07-01, run-off 30 days: until 2026-07-30).
        assertThat(run(lastDay, Accumulators.EMPTY, policy(null, Map.of()), PLAN, LocalDate.parse("2026-07-20"))
                        .payout())
                .isEqualTo(m("5600.00"));
        PolicyResult late =
                run(lastDay, Accumulators.EMPTY, policy(null, Map.of()), PLAN, LocalDate.parse("2026-07-31"));
        assertThat(late.payout()).isEqualTo(Money.ZERO);
        assertThat(late.lines().get(0).unpaid().get(0).reason()).isEqualTo("RUN_OFF_EXPIRED");
        Settlement dayAfter = shanghai()
                .at(LocalDateTime.parse("2026-07-01T09:00:00"))
                .line("1", "X1", "20000.00", "0.00", "0.00", "0.00")
                .build();
        assertThat(run(dayAfter, Accumulators.EMPTY, policy(null, Map.of()), PLAN, LocalDate.parse("2026-07-02")))
                .isNull();
    }

    @Test
    void an_edition_for_people_insured_elsewhere_pays_its_own_ratio_outside_shanghai() {
        Plan newCitizen = PlanBuilder.plan("HMB25")
                .pool("ANNUAL", "12000.00")
                .responsibility(
                        "INPATIENT",
                        null,
                        LinePart.OUT_OF_LIST,
                        List.of("21"),
                        "ANNUAL",
                        "0.70",
                        "0.50",
                        "1000000.00",
                        null,
                        new Conditions(List.of("31"), new BigDecimal("0.35"), new BigDecimal("0.25"), null, null, 30),
                        "INPAT-LIMITS")
                .build();
        Settlement s = settlement()
                .region("440300")
                .fundFen(0)
                .line("1", "X1", "20000.00", "0.00", "0.00", "0.00")
                .build();
        // (20,000 − 12,000) × 0.35 = 2,800.
        PolicyResult p = run(s, Accumulators.EMPTY, policy(null, Map.of()), newCitizen, s.setlDate());
        assertThat(p.payout()).isEqualTo(m("2800.00"));
        assertThat(p.responsibilities().get(0).ratio()).isEqualByComparingTo("0.35");
    }
}
