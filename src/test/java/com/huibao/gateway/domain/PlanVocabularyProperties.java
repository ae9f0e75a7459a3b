package com.huibao.gateway.domain;

import static com.huibao.gateway.support.SettlementBuilder.fee;
import static org.assertj.core.api.Assertions.assertThat;

import com.huibao.gateway.domain.benefit.Accumulators;
import com.huibao.gateway.domain.benefit.Adjudication;
import com.huibao.gateway.domain.benefit.BenefitEngine;
import com.huibao.gateway.domain.benefit.LineBurden;
import com.huibao.gateway.domain.benefit.LineOutcome;
import com.huibao.gateway.domain.benefit.PolicyCase;
import com.huibao.gateway.domain.benefit.PolicyResult;
import com.huibao.gateway.domain.benefit.ResponsibilityResult;
import com.huibao.gateway.domain.benefit.UnpaidPart;
import com.huibao.gateway.domain.coverage.ListCatalog;
import com.huibao.gateway.domain.coverage.ListEntry;
import com.huibao.gateway.domain.coverage.ListVersion;
import com.huibao.gateway.domain.coverage.MatchLevel;
import com.huibao.gateway.domain.institution.Institution;
import com.huibao.gateway.domain.institution.InstitutionKind;
import com.huibao.gateway.domain.institution.Institutions;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.plan.Channel;
import com.huibao.gateway.domain.plan.Compensation;
import com.huibao.gateway.domain.plan.Conditions;
import com.huibao.gateway.domain.plan.DeductiblePool;
import com.huibao.gateway.domain.plan.ItemKind;
import com.huibao.gateway.domain.plan.LineFilter;
import com.huibao.gateway.domain.plan.LinePart;
import com.huibao.gateway.domain.plan.Plan;
import com.huibao.gateway.domain.plan.Responsibility;
import com.huibao.gateway.domain.plan.SubLimit;
import com.huibao.gateway.domain.policy.Policy;
import com.huibao.gateway.domain.settlement.Settlement;
import com.huibao.gateway.domain.settlement.SettlementValidator;
import com.huibao.gateway.domain.settlement.ValidationProfiles;
import com.huibao.gateway.support.SettlementBuilder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The invariants of the engine over the plan vocabulary of docs/PLANS.md: generated plans with line filters,
 * generic-name lists and sub-limits, institution conditions, invoice ratios, admissions across the term's end, the
 * person's pre-existing status and both compensation rules; settlements with hospital parts, compensation inside and
 * declared, invoices, dates and days' supply. Never over the burden, never over a limit, reversal exact.
 */
class PlanVocabularyProperties {
    private static final String[] NAMES = {"紫杉醇注射液", "注射用紫杉醇", "培美曲塞二钠注射液", "奥希替尼片", "阿莫西林胶囊", "质子放射治疗", "床位费"};
    private static final String[] CATEGORIES = {"01", "02", "03", "04", "05", "06", "07", "08", "09", "11"};
    private static final Institutions REGISTRY = Institutions.of(List.of(
            new Institution("H31010100001", "甲", "02", "310101", InstitutionKind.HOSPITAL, Set.of("S1")),
            new Institution("H31011500002", "乙", null, "310115", InstitutionKind.HOSPITAL, Set.of("S2")),
            new Institution("P31010500003", "丙", null, "310105", InstitutionKind.PHARMACY, Set.of("S1", "S2"))));
    private static final String[] HOSPITALS = {"H31010100001", "H31011500002", "P31010500003", "H32010200009", "X1"};

    record World(ListCatalog lists, List<PolicyCase> cases, Settlement settlement, Map<String, Plan> plans) {}

    static World world(long seed) {
        Random r = new Random(seed);
        List<ListEntry> entries = new ArrayList<>();
        for (String name : NAMES) {
            if (r.nextBoolean()) {
                entries.add(new ListEntry(
                        name,
                        MatchLevel.GENERIC_NAME,
                        name,
                        r.nextInt(4) == 0 ? Money.ofFen(1 + r.nextInt(50_000)) : null,
                        r.nextInt(4) == 0 ? List.of("C") : List.of(),
                        List.of(),
                        List.of(),
                        r.nextInt(5) == 0,
                        null,
                        null,
                        r.nextInt(3) == 0 ? Money.ofFen(r.nextInt(300_000)) : null,
                        r.nextInt(4) == 0 ? 1 : null,
                        r.nextInt(4) == 0 ? Money.ofFen(r.nextInt(300_000)) : null,
                        r.nextInt(3) == 0 ? List.of(r.nextBoolean() ? "S1" : "S2") : List.of()));
            }
        }
        ListCatalog lists =
                ListCatalog.of(List.of(new ListVersion("G", "1", LocalDate.parse("2026-01-01"), null, entries)));

        SettlementBuilder b = SettlementBuilder.settlement()
                .medType(r.nextBoolean() ? "21" : r.nextBoolean() ? "14" : "41")
                .diagnosis(r.nextBoolean() ? "C34.9" : "J18.9")
                .region(r.nextInt(4) == 0 ? null : r.nextBoolean() ? "310101" : "440300")
                .hospital(HOSPITALS[r.nextInt(HOSPITALS.length)])
                .hospitalLevel(r.nextInt(3) == 0 ? "02" : null)
                .mdtrtId(r.nextBoolean() ? "M-A" : "M-B")
                .at(LocalDateTime.of(2026, 7, 1 + r.nextInt(20), 10, 0));
        if (r.nextBoolean()) {
            b.stay("2026-06-" + (10 + r.nextInt(20)), null);
        }
        boolean invoice = r.nextInt(5) == 0;
        long inscp = 0;
        for (int i = 0; i < 1 + r.nextInt(25); i++) {
            SettlementBuilder.Fee f = fee(String.valueOf(i + 1))
                    .name(NAMES[r.nextInt(NAMES.length)] + " 规格" + i)
                    .category(CATEGORIES[r.nextInt(CATEGORIES.length)])
                    .selfPaid(yuan(r, 2, 300_000))
                    .at("2026-0" + (6 + r.nextInt(2)) + "-" + (10 + r.nextInt(20)) + " 09:00:00");
            if (!invoice) {
                long in = r.nextInt(3) == 0 ? 0 : r.nextInt(300_000);
                inscp += in;
                f.overLimit(yuan(r, 5, 20_000))
                        .firstSelfPay(yuan(r, 3, 50_000))
                        .inScope(Money.ofFen(in).toString());
            }
            if (r.nextInt(3) == 0) {
                f.daysSupply(1 + r.nextInt(90));
            }
            if (r.nextBoolean()) {
                f.preapproval("PA");
            }
            b.add(f);
        }
        if (invoice) {
            b.invoice();
        } else {
            long fund = inscp == 0 ? 0 : (long) (inscp * (r.nextInt(100) / 100.0));
            b.fundFen(fund)
                    .hospFen(inscp - fund == 0 ? 0 : r.nextInt((int) Math.min(100_000, inscp - fund)))
                    .otherFundFen(fund == 0 || r.nextBoolean() ? 0 : r.nextInt((int) Math.min(fund, 100_000)));
        }
        long psn = b.build().setlinfo().psnPartAmt().fen();
        if (r.nextInt(4) == 0 && psn > 0) {
            b.declared(
                    "MUTUAL_AID",
                    Money.ofFen(r.nextLong(Math.min(psn, 500_000) + 1)).toString());
        }
        Settlement s = b.build();

        List<PolicyCase> cases = new ArrayList<>();
        Map<String, Plan> plans = new HashMap<>();
        for (int k = 0; k < 1 + r.nextInt(3); k++) {
            Plan plan = plan(r, "V" + k);
            plans.put(plan.planId(), plan);
            Policy policy = new Policy(
                    "POL-" + k,
                    plan.planId(),
                    plan.insurerId(),
                    "01",
                    "310101198001010011",
                    LocalDate.parse("2025-07-01"),
                    LocalDate.parse("2026-07-01"),
                    r.nextBoolean() ? List.of("C34") : List.of(),
                    null,
                    Map.of(),
                    r.nextInt(4),
                    r.nextInt(3) == 0 ? null : r.nextBoolean());
            cases.add(PolicyCase.allowed(policy, plan, accumulators(r, plan)));
        }
        return new World(lists, cases, s, plans);
    }

    private static Plan plan(Random r, String id) {
        List<DeductiblePool> pools = new ArrayList<>();
        for (int i = 0; i < r.nextInt(3); i++) {
            pools.add(new DeductiblePool(
                    "D" + i,
                    Money.ofFen(r.nextInt(2_000_000)),
                    List.of(new DeductiblePool.Tier(2, Money.ofFen(r.nextInt(1_000_000))))));
        }
        List<Responsibility> rs = new ArrayList<>();
        for (int i = 0; i < 1 + r.nextInt(5); i++) {
            LineFilter filter = r.nextInt(3) == 0
                    ? LineFilter.NONE
                    : new LineFilter(
                            r.nextBoolean() ? Set.of("03", "04", "05", "08", "09", "11") : null,
                            r.nextInt(3) == 0 ? Set.of(ItemKind.DRUG) : null,
                            r.nextInt(3) == 0 ? Set.of(Channel.values()[r.nextInt(3)]) : null,
                            r.nextBoolean() ? 30 : null);
            List<SubLimit> limits = new ArrayList<>();
            if (r.nextBoolean()) {
                limits.add(new SubLimit(
                        "ONE",
                        SubLimit.Per.GENERIC_NAME,
                        SubLimit.Period.YEAR,
                        Money.ofFen(1 + r.nextInt(300_000)),
                        r.nextInt(4) == 0 ? 1 : null,
                        null,
                        Set.of(ItemKind.DRUG)));
            }
            if (r.nextBoolean()) {
                limits.add(new SubLimit(
                        "MAT",
                        SubLimit.Per.RESPONSIBILITY,
                        SubLimit.Period.ADMISSION,
                        Money.ofFen(1 + r.nextInt(300_000)),
                        null,
                        Set.of("08", "09"),
                        null));
            }
            Conditions c = new Conditions(
                    r.nextBoolean() ? List.of("31") : null,
                    null,
                    null,
                    r.nextBoolean() ? List.of("01", "02", "03") : null,
                    null,
                    null,
                    r.nextBoolean() ? List.of("31") : null,
                    null,
                    r.nextInt(4) == 0 ? List.of("S1") : null,
                    r.nextBoolean() ? 30 : null,
                    r.nextBoolean() ? ratio(r) : null,
                    r.nextBoolean() ? ratio(r) : null);
            rs.add(new Responsibility(
                    "R" + i,
                    "R" + i,
                    r.nextBoolean() ? "G" : null,
                    LinePart.values()[r.nextInt(3)],
                    null,
                    !pools.isEmpty() && r.nextBoolean() ? "D" + r.nextInt(pools.size()) : null,
                    ratio(r),
                    r.nextBoolean() ? ratio(r) : null,
                    r.nextBoolean() ? Money.ofFen(r.nextInt(400_000)) : null,
                    false,
                    r.nextInt(4) == 0 ? Money.ofFen(r.nextInt(200_000)) : null,
                    c,
                    null,
                    filter,
                    limits));
        }
        Compensation compensation = new Compensation(Compensation.Rule.values()[r.nextInt(2)], r.nextBoolean());
        return new Plan(
                id,
                "INS-" + id,
                id,
                r.nextInt(3),
                r.nextBoolean() ? Money.ofFen(r.nextInt(500_000)) : null,
                pools,
                rs,
                null,
                Map.of(),
                compensation);
    }

    private static Accumulators accumulators(Random r, Plan plan) {
        if (r.nextBoolean()) {
            return Accumulators.EMPTY;
        }
        Map<String, Money> d = new HashMap<>();
        for (DeductiblePool pool : plan.deductiblePools()) {
            d.put(pool.id(), Money.ofFen(r.nextInt((int) pool.amount().fen() + 1)));
        }
        Map<String, Money> limits = new HashMap<>();
        for (Responsibility resp : plan.responsibilities()) {
            limits.put("generic:" + resp.id() + ":紫杉醇", Money.ofFen(r.nextInt(200_000)));
        }
        return new Accumulators(d, Map.of(), Money.ZERO, limits, Map.of());
    }

    private static BigDecimal ratio(Random r) {
        return BigDecimal.valueOf(r.nextInt(101), 2);
    }

    private static String yuan(Random r, int oneIn, int maxFen) {
        return r.nextInt(oneIn) == 0 ? Money.ofFen(r.nextInt(maxFen)).toString() : "0.00";
    }

    private static Adjudication adjudicate(World w) {
        assertThat(new SettlementValidator(ValidationProfiles.defaults()).validate(w.settlement()))
                .isEmpty();
        return new BenefitEngine(w.lists(), REGISTRY).adjudicate(w.settlement(), w.cases());
    }

    @Property(tries = 500)
    void never_over_the_burden_and_every_line_balances(@ForAll long seed) {
        World w = world(seed);
        Adjudication a = adjudicate(w);
        Money declared = w.settlement().compensationDeclared();
        assertThat(a.payoutTotal())
                .isLessThanOrEqualTo(w.settlement().setlinfo().psnPartAmt().minus(declared));
        Map<String, Money> burden = new HashMap<>();
        for (LineBurden b : a.burdens()) {
            burden.put(b.feedetlSn(), b.burden());
        }
        Map<String, Money> paid = new HashMap<>();
        for (PolicyResult p : a.policies()) {
            Money sum = Money.ZERO;
            for (ResponsibilityResult r : p.responsibilities()) {
                assertThat(r.lines().values().stream().reduce(Money.ZERO, Money::plus))
                        .isEqualTo(r.payable());
                assertThat(r.payable().isNegative()).isFalse();
                if (r.ownAmount() != null) {
                    assertThat(r.payable()).isLessThanOrEqualTo(r.ownAmount());
                }
                sum = sum.plus(r.payable());
            }
            assertThat(sum).isEqualTo(p.payout());
            for (LineOutcome l : p.lines()) {
                Money unpaid = l.unpaid().stream().map(UnpaidPart::amount).reduce(Money.ZERO, Money::plus);
                assertThat(l.paid().plus(unpaid)).isEqualTo(l.inList().plus(l.outOfList()));
                paid.merge(l.feedetlSn(), l.paid(), Money::plus);
            }
        }
        paid.forEach((sn, m) -> assertThat(m).as(sn).isLessThanOrEqualTo(burden.get(sn)));
    }

    @Property(tries = 500)
    void never_over_a_sub_limit_and_reversal_exact(@ForAll long seed) {
        World w = world(seed);
        for (PolicyResult p : adjudicate(w).policies()) {
            Plan plan = w.plans().get(p.planId());
            assertThat(p.after()).isEqualTo(p.before().plus(p.delta()));
            assertThat(p.after().minus(p.delta())).isEqualTo(p.before());
            for (Responsibility r : plan.responsibilities()) {
                for (SubLimit l : r.limits()) {
                    p.delta().limits().keySet().stream()
                            .filter(k -> k.contains(
                                    (l.per() == SubLimit.Per.GENERIC_NAME ? "generic:" : "sublimit:") + r.id() + ":"))
                            .forEach(k -> assertThat(p.after().limitUsed(k))
                                    .as(k)
                                    .isLessThanOrEqualTo(l.cap().max(p.before().limitUsed(k))));
                }
                if (r.annualCap() != null) {
                    assertThat(p.after().paid(r.id()))
                            .isLessThanOrEqualTo(r.annualCap().max(p.before().paid(r.id())));
                }
            }
            Policy policy = w.cases().stream()
                    .filter(c -> c.policy().policyNo().equals(p.policyNo()))
                    .findFirst()
                    .orElseThrow()
                    .policy();
            for (DeductiblePool pool : plan.deductiblePools()) {
                assertThat(p.after().deductibleUsed(pool.id()))
                        .isLessThanOrEqualTo(
                                policy.deductible(pool).max(p.before().deductibleUsed(pool.id())));
            }
        }
    }
}
