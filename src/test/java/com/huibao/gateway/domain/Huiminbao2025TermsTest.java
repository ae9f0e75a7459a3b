package com.huibao.gateway.domain;

import static com.huibao.gateway.support.SettlementBuilder.fee;
import static com.huibao.gateway.support.SettlementBuilder.settlement;
import static org.assertj.core.api.Assertions.assertThat;

import com.huibao.gateway.codec.InstitutionDirectory;
import com.huibao.gateway.domain.benefit.Accumulators;
import com.huibao.gateway.domain.benefit.Adjudication;
import com.huibao.gateway.domain.benefit.BenefitEngine;
import com.huibao.gateway.domain.benefit.LineOutcome;
import com.huibao.gateway.domain.benefit.PolicyCase;
import com.huibao.gateway.domain.benefit.PolicyResult;
import com.huibao.gateway.domain.benefit.ResponsibilityResult;
import com.huibao.gateway.domain.benefit.UnpaidPart;
import com.huibao.gateway.domain.institution.Institution;
import com.huibao.gateway.domain.institution.InstitutionKind;
import com.huibao.gateway.domain.institution.Institutions;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.plan.Compensation;
import com.huibao.gateway.domain.plan.LinePart;
import com.huibao.gateway.domain.plan.Plan;
import com.huibao.gateway.domain.policy.Policy;
import com.huibao.gateway.domain.settlement.Settlement;
import com.huibao.gateway.domain.settlement.SettlementValidator;
import com.huibao.gateway.domain.settlement.ValidationProfiles;
import com.huibao.gateway.support.PlanBuilder;
import com.huibao.gateway.support.SettlementBuilder;
import com.huibao.gateway.support.Shipped;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The shipped 沪惠保 2025 plan against the official terms (config/lists/source/hmb2025/TERMS.md), one worked example
 * per rule the engine decides, each computed by hand in its comment. Institutions: the shipped registry with the
 * demo codes (DEMO-CART-04 is 华东医院, certified for 瑞基奥仑赛 only; DEMO-CART-06 瑞金医院, for all four; DEMO-BOAO-1
 * 海南博鳌超级医院; DEMO-PROTON-1 上海市质子重离子医院; DEMO-PHARMACY-01 a designated pharmacy in 长宁), plus a
 * Shanghai level-3 hospital H31010400007, a level-1 one H31011500099, and a Jiangsu level-3 one H32010200003.
 */
class Huiminbao2025TermsTest {
    private static final Plan HMB = Shipped.plans().get("HMB-2025");
    private static final String SHANGHAI = "H31010400007";
    private static final BenefitEngine ENGINE = new BenefitEngine(Shipped.lists(), institutions());
    private static final SettlementValidator VALIDATOR = new SettlementValidator(ValidationProfiles.defaults());

    private static Institutions institutions() {
        List<Institution> all = new ArrayList<>(
                new InstitutionDirectory(List.of(Path.of("config/institutions"), Path.of("config/demo/institutions")))
                        .current()
                        .all());
        all.add(new Institution(SHANGHAI, "上海某三级医院", "02", "310104", InstitutionKind.HOSPITAL, Set.of()));
        all.add(new Institution("H31011500099", "上海某一级医院", "08", "310115", InstitutionKind.HOSPITAL, Set.of()));
        all.add(new Institution("H32010200003", "南京某三级医院", "03", "320102", InstitutionKind.HOSPITAL, Set.of()));
        return Institutions.of(all);
    }

    /** A 普通版 policy of the 2025 term, held one edition (no claim-free tier), not pre-existing. */
    private static Policy policy(String edition, int claimFreeEditions, boolean preexisting) {
        return new Policy(
                "HMB25-T",
                "HMB-2025",
                "INS-HMB",
                "01",
                "310101198001010011",
                LocalDate.of(2025, 7, 1),
                LocalDate.of(2026, 7, 1),
                List.of(),
                edition,
                Map.of(),
                claimFreeEditions,
                preexisting);
    }

    private static PolicyResult adjudicate(Settlement s, Policy p) {
        return adjudicate(s, p, Accumulators.EMPTY);
    }

    private static PolicyResult adjudicate(Settlement s, Policy p, Accumulators before) {
        assertThat(VALIDATOR.validate(s)).isEmpty();
        Adjudication a = ENGINE.adjudicate(s, List.of(PolicyCase.allowed(p, HMB.forEdition(p.edition()), before)));
        assertThat(a.policies()).as("policy in force").hasSize(1);
        return a.policies().get(0);
    }

    private static ResponsibilityResult benefit(PolicyResult p, String id) {
        return p.responsibilities().stream()
                .filter(r -> r.id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static List<UnpaidPart> unpaid(PolicyResult p, String sn) {
        return p.lines().stream()
                .filter(l -> l.feedetlSn().equals(sn))
                .findFirst()
                .map(LineOutcome::unpaid)
                .orElseThrow();
    }

    /** An inpatient stay of a Shanghai insured at a Shanghai level-3 hospital, settled in March 2026. */
    private static SettlementBuilder stay() {
        return settlement()
                .medType("21")
                .region("310104")
                .hospital(SHANGHAI)
                .diagnosis("K80.100")
                .at(LocalDateTime.of(2026, 3, 15, 10, 0));
    }

    // ---- 补偿原则 ----

    @Test
    void compensation_from_elsewhere_pays_the_smaller_of_the_own_amount_and_what_is_left_terms_example() {
        // TERMS.md: eligible self-paid inpatient costs 100,000, another insurer already paid 50,000, deductible 12,000:
        // (a) (100,000 − 12,000) × 70 % = 61,600; (b) 100,000 − 50,000 = 50,000; payout 50,000.00
        Settlement s = stay().add(fee("1").category("09").generic("某自费抗肿瘤药").selfPaid("100000.00"))
                .declared("ANOTHER_INSURER", "50000.00")
                .build();
        PolicyResult p = adjudicate(s, policy(null, 1, false));
        ResponsibilityResult r = benefit(p, "INPATIENT_SELF_PAY");
        assertThat(r.ownAmount()).isEqualTo(Money.parse("61600.00"));
        assertThat(r.compensation()).isEqualTo(Money.parse("50000.00"));
        assertThat(r.deductible()).isEqualTo(Money.parse("12000.00"));
        assertThat(r.payable()).isEqualTo(Money.parse("50000.00"));
        assertThat(r.cappedBy()).isEqualTo("compensation");
        assertThat(p.payout()).isEqualTo(Money.parse("50000.00"));
    }

    @Test
    void the_same_example_with_the_compensation_paid_inside_the_settlement_or_by_an_earlier_policy() {
        // a commercial fund inside the basic settlement (setldetail 620100) paid the 50,000: the patient's burden is
        // the
        // other 50,000, the costs still 100,000 → the same 50,000.00
        Settlement inside = stay().add(
                        fee("1").category("09").generic("某自费抗肿瘤药").selfPaid("100000.00"))
                .fundFen(5_000_000)
                .otherFundFen(5_000_000)
                .build();
        assertThat(adjudicate(inside, policy(null, 1, false)).payout()).isEqualTo(Money.parse("50000.00"));

        // an earlier policy in the coordination order paid 50 % of the out-of-list costs (50,000): HMB pays 50,000.00;
        // the coordination-of-benefits reading would have paid (50,000 − 12,000) × 70 % = 26,600.00
        Plan first = PlanBuilder.plan("PMI")
                .cob(1)
                .responsibility("HALF", null, LinePart.OUT_OF_LIST, null, null, "0.50", "0.50", null, false)
                .build();
        Settlement s = stay().add(fee("1").category("09").generic("某自费抗肿瘤药").selfPaid("100000.00"))
                .build();
        Policy pmi = new Policy(
                "PMI-T",
                "PMI",
                "INS-T",
                "01",
                "310101198001010011",
                LocalDate.of(2026, 1, 1),
                LocalDate.of(2027, 1, 1),
                List.of());
        Adjudication a = ENGINE.adjudicate(
                s,
                List.of(
                        PolicyCase.allowed(pmi, first, Accumulators.EMPTY),
                        PolicyCase.allowed(policy(null, 1, false), HMB, Accumulators.EMPTY)));
        assertThat(a.policy("PMI-T").payout()).isEqualTo(Money.parse("50000.00"));
        assertThat(a.policy("HMB25-T").payout()).isEqualTo(Money.parse("50000.00"));

        Plan onRemaining = new Plan(
                HMB.planId(),
                HMB.insurerId(),
                HMB.name(),
                HMB.cobPriority(),
                HMB.overallCap(),
                HMB.deductiblePools(),
                HMB.responsibilities(),
                null,
                Map.of(),
                Compensation.ON_REMAINING);
        Adjudication cob = ENGINE.adjudicate(
                s,
                List.of(
                        PolicyCase.allowed(pmi, first, Accumulators.EMPTY),
                        PolicyCase.allowed(policy(null, 1, false), onRemaining, Accumulators.EMPTY)));
        assertThat(cob.policy("HMB25-T").payout()).isEqualTo(Money.parse("26600.00"));
    }

    // ---- 特定住院自费医疗费用 ----

    @Test
    void only_drugs_materials_tests_and_treatment_count_never_beds_nursing_consultation_or_surgery() {
        // bed 1,000, nursing 500, surgery 5,000, consultation 300 (all self-paid) and a self-paid drug 20,000: only the
        // drug counts: (20,000 − 12,000) × 70 % = 5,600.00
        Settlement s = stay().add(fee("1").category("01").selfPaid("1000.00"))
                .add(fee("2").category("07").selfPaid("500.00"))
                .add(fee("3").category("06").selfPaid("5000.00"))
                .add(fee("4").category("02").selfPaid("300.00"))
                .add(fee("5").category("09").selfPaid("20000.00"))
                .build();
        PolicyResult p = adjudicate(s, policy(null, 1, false));
        assertThat(p.payout()).isEqualTo(Money.parse("5600.00"));
        for (String sn : List.of("1", "2", "3", "4")) {
            assertThat(unpaid(p, sn)).singleElement().satisfies(u -> {
                assertThat(u.reason()).isEqualTo("CHARGE_CATEGORY_NOT_COVERED");
                assertThat(u.fact()).startsWith("med_chrgitm_type ");
            });
        }
        assertThat(p.lines().get(0).paid()).isEqualTo(Money.ZERO);
    }

    @Test
    void only_the_self_paid_part_counts_not_the_basic_insurances_co_pays() {
        // a class-B drug: first self-pay 1,000 and in-scope 9,000 (co-pay, not 自费), plus 15,000 self-paid:
        // (15,000 − 12,000) × 70 % = 2,100.00
        Settlement s = stay().add(
                        fee("1").category("09").firstSelfPay("1000.00").inScope("9000.00"))
                .add(fee("2").category("09").selfPaid("15000.00"))
                .build();
        assertThat(adjudicate(s, policy(null, 1, false)).payout()).isEqualTo(Money.parse("2100.00"));
    }

    @Test
    void an_admission_begun_in_the_term_is_covered_up_to_thirty_days_after_its_end() {
        // term 2025-07-01 – 2026-06-30; admitted 2026-06-20, discharged 2026-08-05: lines of 06-25 and 07-30 count
        // (10,000 each: (20,000 − 12,000) × 70 % = 5,600.00), those of 07-31 and 08-02 are after the 30 days
        Settlement s = stay().stay("2026-06-20", "2026-08-05")
                .at(LocalDateTime.of(2026, 8, 5, 11, 0))
                .add(fee("1").category("09").selfPaid("10000.00").at("2026-06-25 09:00:00"))
                .add(fee("2").category("09").selfPaid("10000.00").at("2026-07-30 09:00:00"))
                .add(fee("3").category("09").selfPaid("10000.00").at("2026-07-31 09:00:00"))
                .add(fee("4").category("05").selfPaid("10000.00").at("2026-08-02 09:00:00"))
                .build();
        PolicyResult p = adjudicate(s, policy(null, 1, false));
        assertThat(p.payout()).isEqualTo(Money.parse("5600.00"));
        assertThat(unpaid(p, "3")).singleElement().satisfies(u -> {
            assertThat(u.reason()).isEqualTo("AFTER_TERM_EXTENSION");
            assertThat(u.fact()).isEqualTo("fee_ocur_time 2026-07-31");
        });
        assertThat(unpaid(p, "4")).extracting(UnpaidPart::reason).containsExactly("AFTER_TERM_EXTENSION");

        // discharged 2026-07-25: every line is within the 30 days
        Settlement shorter = stay().stay("2026-06-20", "2026-07-25")
                .at(LocalDateTime.of(2026, 7, 25, 11, 0))
                .add(fee("1").category("09").selfPaid("10000.00").at("2026-06-25 09:00:00"))
                .add(fee("2").category("09").selfPaid("10000.00").at("2026-07-25 08:00:00"))
                .build();
        assertThat(adjudicate(shorter, policy(null, 1, false)).payout()).isEqualTo(Money.parse("5600.00"));

        // the next edition's policy does not cover an admission begun before its term
        Policy next = new Policy(
                "HMB26-T",
                "HMB-2025",
                "INS-HMB",
                "01",
                "310101198001010011",
                LocalDate.of(2026, 7, 1),
                LocalDate.of(2027, 7, 1),
                List.of(),
                null,
                Map.of(),
                1,
                false);
        PolicyResult n = adjudicate(shorter, next);
        assertThat(n.payout()).isEqualTo(Money.ZERO);
        assertThat(unpaid(n, "2")).extracting(UnpaidPart::reason).containsExactly("ADMISSION_OUTSIDE_TERM");
    }

    @Test
    void a_drug_of_one_chemical_name_under_two_brands_shares_one_300000_limit() {
        // two brands of 紫杉醇, 250,000 each: (500,000 − 12,000) × 70 % = 341,600 split 238,000 : 250,000 →
        // 166,600 + 175,000; the second brand gets what is left of 300,000: 133,400; paid 300,000.00
        Settlement s = stay().add(fee("1").category("09")
                        .name("紫杉醇注射液(甲厂) 30mg")
                        .generic("紫杉醇注射液")
                        .selfPaid("250000.00"))
                .add(fee("2").category("09")
                        .name("注射用紫杉醇(白蛋白结合型)(乙厂)")
                        .generic("注射用紫杉醇")
                        .selfPaid("250000.00"))
                .build();
        PolicyResult p = adjudicate(s, policy(null, 1, false));
        assertThat(p.payout()).isEqualTo(Money.parse("300000.00"));
        assertThat(p.lines().get(1).paid()).isEqualTo(Money.parse("133400.00"));
        assertThat(unpaid(p, "2")).anySatisfy(u -> {
            assertThat(u.reason()).isEqualTo("SUB_LIMIT_ANNUAL_CAP");
            assertThat(u.amount()).isEqualTo(Money.parse("41600.00"));
            assertThat(u.limit()).isEqualTo("generic:INPATIENT_SELF_PAY:紫杉醇");
        });
        assertThat(p.delta().limitUsed("generic:INPATIENT_SELF_PAY:紫杉醇")).isEqualTo(Money.parse("300000.00"));
    }

    @Test
    void surgical_materials_are_paid_at_most_200000_per_admission() {
        // materials 400,000: (400,000 − 12,000) × 70 % = 271,600, cut to 200,000.00
        Settlement s = stay().add(fee("1").category("08")
                        .code("C0305010630001402850000012")
                        .selfPaid("400000.00"))
                .build();
        PolicyResult p = adjudicate(s, policy(null, 1, false));
        assertThat(p.payout()).isEqualTo(Money.parse("200000.00"));
        assertThat(unpaid(p, "1")).anySatisfy(u -> assertThat(u.reason()).isEqualTo("SUB_LIMIT_ADMISSION_CAP"));
    }

    @Test
    void pet_ct_is_paid_once_a_year() {
        // a second PET-CT (15,000, after the deductible is met) in the year pays 0
        Settlement s = stay().add(
                        fee("1").category("03").generic("正电子发射计算机断层显像").selfPaid("15000.00"))
                .build();
        Accumulators once = new Accumulators(
                Map.of("INPATIENT_ANNUAL", Money.parse("12000.00")),
                Map.of(),
                Money.ZERO,
                Map.of(),
                Map.of("entry:HMB25-INPATIENT-SUBLIMITS:正电子发射计算机断层显像", 1L));
        PolicyResult p = adjudicate(s, policy(null, 1, false), once);
        assertThat(p.payout()).isEqualTo(Money.ZERO);
        assertThat(unpaid(p, "1")).anySatisfy(u -> assertThat(u.reason()).isEqualTo("CODE_ANNUAL_COUNT"));
        // the first: 15,000 × 70 % = 10,500.00
        Accumulators none = new Accumulators(Map.of("INPATIENT_ANNUAL", Money.parse("12000.00")), Map.of(), Money.ZERO);
        assertThat(adjudicate(s, policy(null, 1, false), none).payout()).isEqualTo(Money.parse("10500.00"));
    }

    @Test
    void only_settlements_of_shanghais_basic_insurance_at_level_two_or_above() {
        SettlementBuilder drug = stay().add(fee("1").category("09").selfPaid("22000.00"));
        // another province's insured: 0
        PolicyResult other = adjudicate(drug.region("320102").build(), policy(null, 1, false));
        assertThat(unpaid(other, "1")).extracting(UnpaidPart::reason).containsExactly("REGION_NOT_COVERED");
        // a level-1 hospital: 0
        PolicyResult levelOne = adjudicate(
                stay().hospital("H31011500099")
                        .add(fee("1").category("09").selfPaid("22000.00"))
                        .build(),
                policy(null, 1, false));
        assertThat(unpaid(levelOne, "1")).extracting(UnpaidPart::reason).containsExactly("HOSPITAL_LEVEL_NOT_COVERED");
        // anywhere in China: a level-3 hospital in Nanjing pays (22,000 − 12,000) × 70 % = 7,000.00
        assertThat(adjudicate(
                                stay().hospital("H32010200003")
                                        .add(fee("1").category("09").selfPaid("22000.00"))
                                        .build(),
                                policy(null, 1, false))
                        .payout())
                .isEqualTo(Money.parse("7000.00"));
    }

    @Test
    void without_hosp_lv_the_registry_decides_and_when_it_does_not_know_the_reason_says_so() {
        // the national 2207/2304 outputs never carry hosp_lv: this used to throw a NullPointerException
        Settlement unknown = stay().hospital("H31010999999")
                .add(fee("1").category("09").selfPaid("22000.00"))
                .build();
        PolicyResult p = adjudicate(unknown, policy(null, 1, false));
        assertThat(p.payout()).isEqualTo(Money.ZERO);
        assertThat(unpaid(p, "1")).singleElement().satisfies(u -> {
            assertThat(u.reason()).isEqualTo("HOSPITAL_LEVEL_UNKNOWN");
            assertThat(u.fact()).isEqualTo("hosp_lv");
        });
        // the registry knows H31010400007 is level 3 (02): (22,000 − 12,000) × 70 % = 7,000.00
        assertThat(adjudicate(
                                stay().add(fee("1").category("09").selfPaid("22000.00"))
                                        .build(),
                                policy(null, 1, false))
                        .payout())
                .isEqualTo(Money.parse("7000.00"));
    }

    @Test
    void the_deductible_falls_with_consecutive_claim_free_editions() {
        Settlement s = stay().add(fee("1").category("09").selfPaid("30000.00")).build();
        // 12,000 / 11,000 / 10,000: (30,000 − d) × 70 %
        assertThat(adjudicate(s, policy(null, 1, false)).payout()).isEqualTo(Money.parse("12600.00"));
        assertThat(adjudicate(s, policy(null, 2, false)).payout()).isEqualTo(Money.parse("13300.00"));
        assertThat(adjudicate(s, policy(null, 3, false)).payout()).isEqualTo(Money.parse("14000.00"));
        assertThat(adjudicate(s, policy("CARE", 3, false)).payout()).isEqualTo(Money.parse("14000.00"));
        // 新市民版: 11,000 at most
        assertThat(adjudicate(s, policy("NEW_CITIZEN", 3, false)).payout()).isEqualTo(Money.parse("13300.00"));
    }

    // ---- pre-existing status: a property of the person ----

    @Test
    void a_pre_existing_person_is_paid_their_ratio_whatever_the_claims_diagnosis() {
        // pneumonia (J18), unrelated to anything: (22,000 − 12,000) × 50 % = 5,000.00
        Settlement s = stay().diagnosis("J18.900")
                .add(fee("1").category("09").selfPaid("22000.00"))
                .build();
        assertThat(adjudicate(s, policy(null, 1, true)).payout()).isEqualTo(Money.parse("5000.00"));
        assertThat(adjudicate(s, policy(null, 1, false)).payout()).isEqualTo(Money.parse("7000.00"));
    }

    // ---- editions ----

    @Test
    void a_new_citizen_stay_not_settled_by_any_basic_insurance_pays_20_percent_on_the_invoice() {
        // drug 50,000 + test 10,000 (+ bed 2,000, not counted): (60,000 − 12,000) × 20 % = 9,600.00; pre-existing 10 %
        SettlementBuilder invoice = settlement()
                .invoice()
                .medType("21")
                .region(null)
                .hospital(SHANGHAI)
                .diagnosis("K35.800")
                .at(LocalDateTime.of(2026, 3, 15, 10, 0))
                .add(fee("1").category("09").selfPaid("50000.00"))
                .add(fee("2").category("04").selfPaid("10000.00"))
                .add(fee("3").category("01").selfPaid("2000.00"));
        assertThat(adjudicate(invoice.build(), policy("NEW_CITIZEN", 1, false)).payout())
                .isEqualTo(Money.parse("9600.00"));
        assertThat(adjudicate(invoice.build(), policy("NEW_CITIZEN", 1, true)).payout())
                .isEqualTo(Money.parse("4800.00"));
        // settled by their own (Henan) basic insurance: 70 %: 33,600.00
        Settlement settled = stay().region("410102")
                .add(fee("1").category("09").selfPaid("50000.00"))
                .add(fee("2").category("04").selfPaid("10000.00"))
                .build();
        assertThat(adjudicate(settled, policy("NEW_CITIZEN", 1, false)).payout())
                .isEqualTo(Money.parse("33600.00"));
        // 普通版 pays no invoice stay
        PolicyResult ordinary = adjudicate(invoice.build(), policy(null, 1, false));
        assertThat(ordinary.payout()).isEqualTo(Money.ZERO);
        assertThat(unpaid(ordinary, "1"))
                .extracting(UnpaidPart::reason)
                .containsExactly("NOT_SETTLED_BY_BASIC_INSURANCE");
    }

    @Test
    void the_care_and_new_citizen_editions_pay_inpatient_costs_at_shanghai_hospitals_only() {
        Settlement nanjing = stay().hospital("H32010200003")
                .add(fee("1").category("09").selfPaid("22000.00"))
                .build();
        for (String edition : List.of("CARE", "NEW_CITIZEN")) {
            PolicyResult p = adjudicate(nanjing, policy(edition, 1, false));
            assertThat(unpaid(p, "1"))
                    .extracting(UnpaidPart::reason)
                    .as(edition)
                    .containsExactly("INSTITUTION_REGION_NOT_COVERED");
        }
    }

    // ---- CAR-T ----

    @Test
    void car_t_is_paid_only_at_a_hospital_certified_for_that_drug() {
        // 阿基仑赛 1,200,000 at 华东医院 (certified for 瑞基奥仑赛 only): 0 under CAR-T (the inpatient benefit then
        // takes the self-paid drug: its one-chemical-name limit pays 300,000.00)
        SettlementBuilder axiCel = stay().hospital("DEMO-CART-04")
                .hospitalLevel("02")
                .diagnosis("C83.300")
                .add(fee("1").category("09")
                        .name("阿基仑赛注射液")
                        .selfPaid("1200000.00")
                        .preapproval("TY-1"));
        PolicyResult wrong = adjudicate(axiCel.build(), policy(null, 1, false));
        assertThat(benefit(wrong, "CAR_T").payable()).isEqualTo(Money.ZERO);
        assertThat(benefit(wrong, "CAR_T").eligible()).isEqualTo(Money.ZERO);
        assertThat(benefit(wrong, "INPATIENT_SELF_PAY").payable()).isEqualTo(Money.parse("300000.00"));
        // at 瑞金医院, certified for it: 100 % up to 500,000.00
        PolicyResult right = adjudicate(
                stay().hospital("DEMO-CART-06")
                        .diagnosis("C83.300")
                        .add(fee("1").category("09")
                                .name("阿基仑赛注射液")
                                .selfPaid("1200000.00")
                                .preapproval("TY-1"))
                        .build(),
                policy(null, 1, false));
        assertThat(benefit(right, "CAR_T").payable()).isEqualTo(Money.parse("500000.00"));
        assertThat(benefit(right, "CAR_T").cappedBy()).isEqualTo("annual_cap");
        // 瑞基奥仑赛 at 华东医院, which is certified for it
        PolicyResult relma = adjudicate(
                stay().hospital("DEMO-CART-04")
                        .diagnosis("C83.300")
                        .add(fee("1").category("09")
                                .name("瑞基奥仑赛注射液")
                                .selfPaid("1290000.00")
                                .preapproval("TY-2"))
                        .build(),
                policy(null, 1, true));
        assertThat(benefit(relma, "CAR_T").payable()).isEqualTo(Money.parse("500000.00"));
    }

    // ---- drug benefits ----

    /** An outpatient purchase at a Shanghai level-3 hospital, lung cancer, pre-authorized. */
    private static SettlementBuilder outpatient() {
        return settlement()
                .medType("14")
                .region("310104")
                .hospital(SHANGHAI)
                .diagnosis("C34.100")
                .at(LocalDateTime.of(2026, 3, 15, 10, 0));
    }

    @Test
    void a_domestic_high_cost_drug_is_paid_70_percent_of_its_self_paid_amount_without_deductible() {
        // 帕博利珠单抗 self-paid 20,000: 14,000.00 (30 % pre-existing: 6,000.00)
        Settlement s = outpatient()
                .add(fee("1").name("帕博利珠单抗注射液 100mg").selfPaid("20000.00").preapproval("TY-3"))
                .build();
        assertThat(benefit(adjudicate(s, policy(null, 1, false)), "DOMESTIC_SPECIAL_DRUGS")
                        .payable())
                .isEqualTo(Money.parse("14000.00"));
        assertThat(adjudicate(s, policy(null, 1, true)).payout()).isEqualTo(Money.parse("6000.00"));
    }

    @Test
    void a_domestic_special_drug_already_reimbursed_by_basic_insurance_pays_nothing_again() {
        // the same drug in the catalogue (class B): first self-pay 2,000, in-scope 18,000 — nothing self-paid: 0.00
        Settlement s = outpatient()
                .add(fee("1").name("帕博利珠单抗注射液 100mg")
                        .firstSelfPay("2000.00")
                        .inScope("18000.00")
                        .preapproval("TY-3"))
                .build();
        PolicyResult p = adjudicate(s, policy(null, 1, false));
        assertThat(p.payout()).isEqualTo(Money.ZERO);
        assertThat(benefit(p, "DOMESTIC_SPECIAL_DRUGS").eligible()).isEqualTo(Money.ZERO);
    }

    @Test
    void a_prescription_beyond_one_months_supply_is_paid_for_one_month() {
        // 60 days of 奥希替尼 for 20,000: 30/60 of it eligible, 10,000 × 70 % = 7,000.00
        Settlement s = outpatient()
                .add(fee("1").name("甲磺酸奥希替尼片 80mg*30片")
                        .selfPaid("20000.00")
                        .daysSupply(60)
                        .preapproval("TY-4"))
                .build();
        PolicyResult p = adjudicate(s, policy(null, 1, false));
        assertThat(p.payout()).isEqualTo(Money.parse("7000.00"));
        assertThat(unpaid(p, "1")).anySatisfy(u -> {
            assertThat(u.reason()).isEqualTo("BEYOND_DAYS_SUPPLY");
            assertThat(u.amount()).isEqualTo(Money.parse("10000.00"));
        });
    }

    @Test
    void domestic_drugs_are_bought_at_an_outpatient_department_or_a_shanghai_pharmacy_for_a_listed_disease() {
        // at a designated pharmacy in 长宁: 14,000.00
        Settlement pharmacy = settlement()
                .medType("41")
                .region("310104")
                .hospital("DEMO-PHARMACY-01")
                .diagnosis("C34.100")
                .at(LocalDateTime.of(2026, 3, 15, 10, 0))
                .add(fee("1").name("帕博利珠单抗注射液").selfPaid("20000.00").preapproval("TY-3"))
                .build();
        assertThat(adjudicate(pharmacy, policy(null, 1, false)).payout()).isEqualTo(Money.parse("14000.00"));
        // a pharmacy outside Shanghai (P44…): 0
        PolicyResult guangdong = adjudicate(
                settlement()
                        .medType("41")
                        .region("310104")
                        .hospital("P44030500012")
                        .diagnosis("C34.100")
                        .at(LocalDateTime.of(2026, 3, 15, 10, 0))
                        .add(fee("1").name("帕博利珠单抗注射液").selfPaid("20000.00").preapproval("TY-3"))
                        .build(),
                policy(null, 1, false));
        assertThat(guangdong.payout()).isEqualTo(Money.ZERO);
        // on an inpatient ward it is not this benefit (the inpatient benefit takes it after its deductible)
        PolicyResult ward = adjudicate(
                stay().diagnosis("C34.100")
                        .add(fee("1").name("帕博利珠单抗注射液").selfPaid("20000.00").preapproval("TY-3"))
                        .build(),
                policy(null, 1, false));
        assertThat(benefit(ward, "DOMESTIC_SPECIAL_DRUGS").payable()).isEqualTo(Money.ZERO);
        assertThat(benefit(ward, "INPATIENT_SELF_PAY").payable()).isEqualTo(Money.parse("5600.00"));
        // outside the listed diseases (帕博利珠单抗 for rheumatoid arthritis): 0
        PolicyResult indication = adjudicate(
                outpatient()
                        .diagnosis("M06.900")
                        .add(fee("1").name("帕博利珠单抗注射液").selfPaid("20000.00").preapproval("TY-3"))
                        .build(),
                policy(null, 1, false));
        assertThat(unpaid(indication, "1")).extracting(UnpaidPart::reason).contains("DIAGNOSIS_NOT_COVERED");
    }

    @Test
    void an_overseas_drug_is_paid_at_the_boao_institutions_on_their_invoice() {
        // Lumakras 100,000 on an invoice of 海南博鳌超级医院: 70 % = 70,000.00; the same at a Shanghai hospital: 0
        Settlement boao = settlement()
                .invoice()
                .medType("11")
                .region(null)
                .hospital("DEMO-BOAO-1")
                .diagnosis("C34.100")
                .at(LocalDateTime.of(2026, 3, 15, 10, 0))
                .add(fee("1").name("Lumakras 120mg").selfPaid("100000.00").preapproval("TY-5"))
                .build();
        assertThat(adjudicate(boao, policy(null, 1, false)).payout()).isEqualTo(Money.parse("70000.00"));
        Settlement shanghai = outpatient()
                .add(fee("1").name("Lumakras 120mg").selfPaid("100000.00").preapproval("TY-5"))
                .build();
        PolicyResult p = adjudicate(shanghai, policy(null, 1, false));
        assertThat(benefit(p, "OVERSEAS_SPECIAL_DRUGS").payable()).isEqualTo(Money.ZERO);
    }

    @Test
    void proton_and_heavy_ion_pay_planning_and_irradiation_for_a_malignant_tumour_at_the_licensed_institution() {
        // irradiation 200,000 + planning 20,000 for prostate cancer: 70 % = 154,000.00; the bed is not this benefit
        SettlementBuilder proton = settlement()
                .medType("21")
                .region("310104")
                .hospital("DEMO-PROTON-1")
                .diagnosis("C61.X00")
                .at(LocalDateTime.of(2026, 3, 15, 10, 0))
                .add(fee("1").category("05").name("质子放射治疗(每野次)").selfPaid("200000.00"))
                .add(fee("2").category("05").name("质子重离子放射治疗计划设计").selfPaid("20000.00"))
                .add(fee("3").category("01").name("床位费").selfPaid("3000.00"));
        PolicyResult p = adjudicate(proton.build(), policy(null, 1, false));
        assertThat(benefit(p, "PROTON_HEAVY_ION").payable()).isEqualTo(Money.parse("154000.00"));
        // a benign tumour (D29): 0 under this benefit
        PolicyResult benign = adjudicate(
                settlement()
                        .medType("21")
                        .region("310104")
                        .hospital("DEMO-PROTON-1")
                        .diagnosis("D29.100")
                        .at(LocalDateTime.of(2026, 3, 15, 10, 0))
                        .add(fee("1").category("05").name("质子放射治疗").selfPaid("200000.00"))
                        .build(),
                policy(null, 1, false));
        assertThat(benefit(benign, "PROTON_HEAVY_ION").payable()).isEqualTo(Money.ZERO);
    }
}
