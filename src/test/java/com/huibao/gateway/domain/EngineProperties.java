package com.huibao.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.codec.AdjudicationJson;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.domain.benefit.Accumulators;
import com.huibao.gateway.domain.benefit.Adjudication;
import com.huibao.gateway.domain.benefit.BenefitEngine;
import com.huibao.gateway.domain.benefit.LineOutcome;
import com.huibao.gateway.domain.benefit.PolicyCase;
import com.huibao.gateway.domain.benefit.PolicyResult;
import com.huibao.gateway.domain.benefit.ResponsibilityResult;
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
import com.huibao.gateway.domain.plan.Responsibility;
import com.huibao.gateway.domain.settlement.FeeLine;
import com.huibao.gateway.domain.settlement.Settlement;
import com.huibao.gateway.domain.settlement.SettlementValidator;
import com.huibao.gateway.domain.settlement.ValidationProfiles;
import com.huibao.gateway.support.PlanBuilder;
import com.huibao.gateway.support.SettlementBuilder;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Invariants of SPEC §3 over generated settlements, plans, lists and accumulator states. Each scenario is built
 * from a generated seed, so a failing seed reproduces it exactly.
 */
class EngineProperties {
    private static final String[] CODES = {"XA01", "XA02", "XB10", "C031201063000", "C0312020", "Z77", "001", "002"};

    /** A generated world: lists, plans with their policies and accumulators, one settlement. */
    record Scenario(ListCatalog lists, List<PolicyCase> cases, Settlement settlement, Map<String, Plan> plans) {}

    static Scenario scenario(long seed) {
        Random r = new Random(seed);
        List<ListEntry> entries = new ArrayList<>();
        for (String code : CODES) {
            if (r.nextBoolean()) {
                boolean prefix = r.nextBoolean();
                entries.add(new ListEntry(
                        prefix ? code.substring(0, Math.min(3, code.length())) : code,
                        prefix ? MatchLevel.PREFIX : MatchLevel.EXACT,
                        code,
                        r.nextInt(4) == 0 ? Money.ofFen(1 + r.nextInt(50_000)) : null,
                        r.nextInt(4) == 0 ? List.of("C3") : List.of(),
                        List.of(),
                        List.of(),
                        r.nextInt(5) == 0,
                        null,
                        null,
                        r.nextInt(3) == 0 ? Money.ofFen(r.nextInt(300_000)) : null,
                        r.nextInt(4) == 0 ? 1 + r.nextInt(2) : null,
                        r.nextInt(3) == 0 ? Money.ofFen(r.nextInt(300_000)) : null));
            }
        }
        ListCatalog lists =
                ListCatalog.of(List.of(new ListVersion("L1", "1", LocalDate.parse("2026-01-01"), null, entries)));

        SettlementBuilder b = SettlementBuilder.settlement()
                .medType(r.nextBoolean() ? "21" : "14")
                .diagnosis(r.nextBoolean() ? "C34.9" : "I10")
                .region(r.nextBoolean() ? "310101" : "440300")
                .mdtrtId(r.nextBoolean() ? "M-A" : "M-B");
        int n = 1 + r.nextInt(40);
        long inscp = 0;
        for (int i = 0; i < n; i++) {
            long in = r.nextInt(3) == 0 ? 0 : r.nextInt(300_000);
            inscp += in;
            b.line(
                    String.valueOf(i + 1),
                    CODES[r.nextInt(CODES.length)],
                    fen(r, 4, 200_000),
                    fen(r, 5, 20_000),
                    fen(r, 3, 50_000),
                    Money.ofFen(in).toString(),
                    r.nextBoolean() ? "PA" : null,
                    BigDecimal.valueOf(1 + r.nextInt(5)));
        }
        long fund = inscp == 0 ? 0 : (long) (inscp * (r.nextInt(100) / 100.0));
        b.fundFen(fund)
                .hospFen(inscp - fund == 0 ? 0 : r.nextInt((int) Math.min(1000, inscp - fund)))
                .acctFen(r.nextInt(100_000));
        Settlement s = b.build();

        List<PolicyCase> cases = new ArrayList<>();
        Map<String, Plan> plans = new HashMap<>();
        int policies = 1 + r.nextInt(3);
        for (int k = 0; k < policies; k++) {
            Plan plan = randomPlan(r, "P" + k);
            plans.put(plan.planId(), plan);
            String[] pre = r.nextInt(4) == 0 ? new String[] {"C34"} : new String[0];
            cases.add(new PolicyCase(
                    PlanBuilder.policy("POL-" + k, plan, "2026-01-01", "2027-01-01", pre),
                    plan,
                    randomAccumulators(r, plan),
                    r.nextInt(6) == 0 ? "NO_AUTHORIZATION" : null));
        }
        return new Scenario(lists, cases, s, plans);
    }

    private static String fen(Random r, int oneIn, int max) {
        return r.nextInt(oneIn) == 0 ? Money.ofFen(r.nextInt(max)).toString() : "0.00";
    }

    private static Plan randomPlan(Random r, String id) {
        PlanBuilder p = PlanBuilder.plan(id).cob(r.nextInt(3)).overallCap(r.nextBoolean() ? money(r, 500_000) : null);
        int pools = r.nextInt(3);
        for (int i = 0; i < pools; i++) {
            p.pool("D" + i, money(r, 300_000));
        }
        int count = 1 + r.nextInt(5);
        for (int i = 0; i < count; i++) {
            LinePart part = LinePart.values()[r.nextInt(3)];
            String list = r.nextBoolean() ? "L1" : null;
            Conditions conditions = r.nextInt(4) != 0
                    ? Conditions.NONE
                    : new Conditions(
                            List.of("31"), r.nextBoolean() ? new BigDecimal(ratio(r)) : null, null, null, null, null);
            p.responsibility(
                    "R" + i,
                    list,
                    part,
                    r.nextInt(3) == 0 ? List.of("21") : null,
                    pools > 0 && r.nextBoolean() ? "D" + r.nextInt(pools) : null,
                    ratio(r),
                    r.nextBoolean() ? ratio(r) : null,
                    r.nextBoolean() ? money(r, 400_000) : null,
                    r.nextInt(4) == 0 ? money(r, 200_000) : null,
                    conditions,
                    list == null && r.nextInt(3) == 0 ? "L1" : null);
        }
        return p.build();
    }

    private static Accumulators randomAccumulators(Random r, Plan plan) {
        if (r.nextBoolean()) {
            return Accumulators.EMPTY;
        }
        Map<String, Money> d = new HashMap<>();
        for (DeductiblePool pool : plan.deductiblePools()) {
            d.put(pool.id(), Money.ofFen(r.nextInt((int) pool.amount().fen() + 1)));
        }
        Map<String, Money> limits = new HashMap<>();
        Map<String, Long> counts = new HashMap<>();
        for (String code : CODES) {
            if (r.nextInt(3) == 0) {
                limits.put("entry:L1:" + code.substring(0, 3), Money.ofFen(r.nextInt(200_000)));
                counts.put("entry:L1:" + code.substring(0, 3), (long) r.nextInt(2));
            }
        }
        Map<String, Money> paid = new HashMap<>();
        Money total = Money.ZERO;
        for (Responsibility resp : plan.responsibilities()) {
            Money m = Money.ofFen(r.nextInt(200_000));
            if (resp.annualCap() != null) {
                m = m.min(resp.annualCap());
            }
            paid.put(resp.id(), m);
            total = total.plus(m);
        }
        return new Accumulators(d, paid, total, limits, counts);
    }

    private static String ratio(Random r) {
        return BigDecimal.valueOf(r.nextInt(101), 2).toPlainString();
    }

    private static String money(Random r, int maxFen) {
        return Money.ofFen(r.nextInt(maxFen)).toString();
    }

    private static Adjudication adjudicate(Scenario sc) {
        return new BenefitEngine(sc.lists()).adjudicate(sc.settlement(), sc.cases());
    }

    @Property(tries = 400)
    void generated_settlements_are_valid(@ForAll long seed) {
        assertThat(new SettlementValidator(ValidationProfiles.defaults())
                        .validate(scenario(seed).settlement()))
                .isEmpty();
    }

    @Property(tries = 400)
    void line_shares_sum_to_each_responsibility_payable(@ForAll long seed) {
        for (PolicyResult p : adjudicate(scenario(seed)).policies()) {
            Money sum = Money.ZERO;
            for (ResponsibilityResult r : p.responsibilities()) {
                assertThat(r.lines().values().stream().reduce(Money.ZERO, Money::plus))
                        .isEqualTo(r.payable());
                assertThat(r.payable().isNegative()).isFalse();
                sum = sum.plus(r.payable());
            }
            assertThat(sum).isEqualTo(p.payout());
        }
    }

    @Property(tries = 400)
    void payouts_never_exceed_the_personal_burden_and_totals_hold(@ForAll long seed) {
        Scenario sc = scenario(seed);
        Adjudication a = adjudicate(sc);
        Money psnPart = sc.settlement().setlinfo().psnPartAmt();
        Money cash = sc.settlement().setlinfo().psnCashPay();
        assertThat(a.payoutTotal()).isLessThanOrEqualTo(psnPart);
        assertThat(a.residualSelfPay()).isEqualTo(psnPart.minus(a.payoutTotal()));
        assertThat(a.insurerPaysHospital()).isEqualTo(a.payoutTotal().min(cash));
        assertThat(a.patientCashDue().plus(a.insurerPaysHospital())).isEqualTo(cash);
        assertThat(a.insurerPaysPatient().plus(a.insurerPaysHospital())).isEqualTo(a.payoutTotal());
    }

    @Property(tries = 400)
    void every_line_balances_paid_plus_unpaid_reasons(@ForAll long seed) {
        for (PolicyResult p : adjudicate(scenario(seed)).policies()) {
            for (LineOutcome l : p.lines()) {
                Money unpaid = l.unpaid().stream().map(UnpaidPart::amount).reduce(Money.ZERO, Money::plus);
                assertThat(l.paid().plus(unpaid)).isEqualTo(l.inList().plus(l.outOfList()));
                assertThat(l.unpaid())
                        .allSatisfy(u -> assertThat(u.amount().isPositive()).isTrue());
            }
        }
    }

    @Property(tries = 400)
    void no_cap_or_deductible_is_overspent(@ForAll long seed) {
        Scenario sc = scenario(seed);
        for (PolicyResult p : adjudicate(sc).policies()) {
            Plan plan = sc.plans().get(p.planId());
            for (DeductiblePool pool : plan.deductiblePools()) {
                assertThat(p.after().deductibleUsed(pool.id()))
                        .isLessThanOrEqualTo(pool.amount().max(p.before().deductibleUsed(pool.id())));
            }
            for (Responsibility r : plan.responsibilities()) {
                if (r.annualCap() != null) {
                    assertThat(p.after().paid(r.id()))
                            .isLessThanOrEqualTo(r.annualCap().max(p.before().paid(r.id())));
                }
            }
            if (plan.overallCap() != null) {
                assertThat(p.after().total())
                        .isLessThanOrEqualTo(plan.overallCap().max(p.before().total()));
            }
        }
    }

    private static final Money UNLIMITED = Money.ofFen(Long.MAX_VALUE / 2);

    private static void loosest(Map<String, Money> caps, String key, Money cap) {
        caps.merge(key, cap == null ? UNLIMITED : cap, Money::max);
    }

    @Property(tries = 400)
    void no_sub_limit_count_or_admission_cap_is_overspent(@ForAll long seed) {
        Scenario sc = scenario(seed);
        // Entries sharing a code share its sub-limit key; each enforces its own cap, so the loosest one bounds it.
        Map<String, Money> annualCaps = new HashMap<>();
        Map<String, Money> admissionCaps = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        for (ListEntry e : sc.lists().versions("L1").get(0).entries()) {
            String key = "entry:L1:" + e.code();
            loosest(annualCaps, key, e.annualCap());
            loosest(admissionCaps, key, e.admissionCap());
            counts.merge(key, e.annualCount() == null ? Integer.MAX_VALUE : e.annualCount(), Math::max);
        }
        String mdtrt = sc.settlement().setlinfo().mdtrtId();
        for (PolicyResult p : adjudicate(sc).policies()) {
            Plan plan = sc.plans().get(p.planId());
            p.delta().limits().forEach((key, added) -> {
                Money after = p.after().limitUsed(key);
                Money before = p.before().limitUsed(key);
                Money cap;
                if (key.startsWith("admission:" + mdtrt + ":entry:")) {
                    cap = admissionCaps.get(key.substring(("admission:" + mdtrt + ":").length()));
                } else if (key.startsWith("admission:" + mdtrt + ":")) {
                    String resp = key.substring(("admission:" + mdtrt + ":").length());
                    cap = plan.responsibilities().stream()
                            .filter(x -> x.id().equals(resp))
                            .findFirst()
                            .orElseThrow()
                            .admissionCap();
                } else {
                    cap = annualCaps.get(key);
                }
                if (cap != UNLIMITED) {
                    assertThat(after).as(key).isLessThanOrEqualTo(cap.max(before));
                }
            });
            p.delta()
                    .counts()
                    .forEach((key, added) -> assertThat(p.after().count(key))
                            .as(key)
                            .isLessThanOrEqualTo(
                                    Math.max(counts.get(key), p.before().count(key))));
        }
    }

    @Property(tries = 200)
    void an_answer_written_straight_to_bytes_is_the_answer_built_as_a_tree(@ForAll long seed) {
        Adjudication a = adjudicate(scenario(seed));
        byte[] streamed = AdjudicationJson.bytes(a, g -> g.writeStringField("state", "PREVIEW"));
        assertThat(new String(streamed, StandardCharsets.UTF_8))
                .isEqualTo(Json.write(AdjudicationJson.write(a).put("state", "PREVIEW")));
        // a confirmation's shape: fields added to each policy and to the whole, as the tree-built answer had them
        byte[] confirmed = AdjudicationJson.bytes(
                a,
                (p, g) -> g.writeStringField("claim_id", p.policyNo() + "-C"),
                g -> g.writeStringField("state", "C"));
        ObjectNode tree = AdjudicationJson.write(a);
        tree.get("policies")
                .forEach(
                        p -> ((ObjectNode) p).put("claim_id", p.get("policy_no").asText() + "-C"));
        assertThat(new String(confirmed, StandardCharsets.UTF_8)).isEqualTo(Json.write(tree.put("state", "C")));
        for (PolicyResult p : a.policies()) {
            assertThat(new String(AdjudicationJson.policyBytes(p), StandardCharsets.UTF_8))
                    .isEqualTo(Json.write(AdjudicationJson.policy(p)));
        }
    }

    @Property(tries = 300)
    void result_does_not_depend_on_the_order_lines_or_policies_arrive_in(@ForAll long seed) {
        Scenario sc = scenario(seed);
        List<FeeLine> shuffled = new ArrayList<>(sc.settlement().feedetail());
        Collections.shuffle(shuffled, new Random(seed));
        List<PolicyCase> cases = new ArrayList<>(sc.cases());
        Collections.reverse(cases);
        Settlement reordered =
                Settlement.of(sc.settlement().setlinfo(), sc.settlement().diseinfo(), shuffled);
        Adjudication a = adjudicate(sc);
        Adjudication b = new BenefitEngine(sc.lists()).adjudicate(reordered, cases);
        assertThat(AdjudicationJson.write(b)).isEqualTo(AdjudicationJson.write(a));
    }

    @Property(tries = 400)
    void applying_a_claims_deltas_then_their_reversal_restores_the_accumulators(@ForAll long seed) {
        for (PolicyResult p : adjudicate(scenario(seed)).policies()) {
            assertThat(p.after()).isEqualTo(p.before().plus(p.delta()));
            assertThat(p.after().minus(p.delta())).isEqualTo(p.before());
            assertThat(p.delta().total()).isEqualTo(p.payout());
        }
    }
}
