package com.huibao.gateway.bench;

import com.huibao.gateway.domain.benefit.Accumulators;
import com.huibao.gateway.domain.benefit.Adjudication;
import com.huibao.gateway.domain.benefit.BenefitEngine;
import com.huibao.gateway.domain.benefit.PolicyCase;
import com.huibao.gateway.domain.coverage.ListCatalog;
import com.huibao.gateway.domain.coverage.ListEntry;
import com.huibao.gateway.domain.coverage.ListVersion;
import com.huibao.gateway.domain.coverage.MatchLevel;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.plan.LinePart;
import com.huibao.gateway.domain.plan.Plan;
import com.huibao.gateway.domain.settlement.Settlement;
import com.huibao.gateway.support.PlanBuilder;
import com.huibao.gateway.support.SettlementBuilder;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The benefit engine alone (SPEC §6: ≥ 100,000 thirty-line settlements per second per core): a plan with 4
 * responsibilities (two list-based, two on all lines), two lists of 5,000 entries each (exact and prefix codes),
 * 64 different 30-line settlements cycled. {@code policies=1} is the target's workload (one plan);
 * {@code policies=2} adds a secondary policy in coordination of benefits. Run with {@code scripts/bench-engine}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgs = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class EngineBenchmark {
    private BenefitEngine engine;
    private Settlement[] settlements;
    private List<PolicyCase> cases;
    private int next;

    @Param({"1", "2"})
    public int policies;

    @Setup
    public void setUp() {
        Random r = new Random(42);
        engine = new BenefitEngine(ListCatalog.of(List.of(list("DRUGS", "XL", r), list("DEVICES", "C03", r))));
        Plan primary = PlanBuilder.plan("HMB")
                .cob(10)
                .overallCap("3000000.00")
                .pool("GENERAL", "20000.00")
                .responsibility(
                        "SPECIALTY_DRUG", "DRUGS", LinePart.BURDEN, null, null, "0.70", "0.30", "1000000.00", false)
                .responsibility("INNOVATIVE", "DEVICES", LinePart.BURDEN, null, null, "0.70", null, "500000.00", false)
                .responsibility(
                        "IN_LIST",
                        null,
                        LinePart.IN_LIST,
                        List.of("21"),
                        "GENERAL",
                        "0.70",
                        "0.35",
                        "1000000.00",
                        false)
                .responsibility(
                        "OUT_OF_LIST",
                        null,
                        LinePart.OUT_OF_LIST,
                        List.of("21"),
                        "GENERAL",
                        "0.70",
                        null,
                        "1000000.00",
                        false)
                .build();
        Plan secondary = PlanBuilder.plan("PMI")
                .cob(20)
                .pool("ANNUAL", "1000.00")
                .responsibility(
                        "ALL", null, LinePart.BURDEN, List.of("21"), "ANNUAL", "0.90", null, "2000000.00", false)
                .build();
        Accumulators used = new Accumulators(
                Map.of("GENERAL", Money.parse("5000.00")),
                Map.of("SPECIALTY_DRUG", Money.parse("12000.00")),
                Money.parse("12000.00"));
        List<PolicyCase> all = List.of(
                PolicyCase.allowed(PlanBuilder.policy("HMB-1", primary, "2026-01-01", "2027-01-01"), primary, used),
                PolicyCase.allowed(
                        PlanBuilder.policy("PMI-1", secondary, "2026-01-01", "2027-01-01"),
                        secondary,
                        Accumulators.EMPTY));
        cases = all.subList(0, policies);
        settlements = new Settlement[64];
        for (int k = 0; k < settlements.length; k++) {
            SettlementBuilder b = SettlementBuilder.settlement().id("S" + k);
            for (int i = 1; i <= 30; i++) {
                String code = switch (i % 3) {
                    case 0 -> String.format("XL%08d", r.nextInt(5000));
                    case 1 -> String.format("C03%07d00001025300001321", r.nextInt(5000));
                    default -> String.format("00120400%07d", i);
                };
                long inscp = 1000 + r.nextInt(500_000);
                b.line(
                        String.valueOf(i),
                        code,
                        Money.ofFen(i % 4 == 0 ? r.nextInt(200_000) : 0).toString(),
                        Money.ofFen(i % 7 == 0 ? r.nextInt(10_000) : 0).toString(),
                        Money.ofFen(inscp / 10).toString(),
                        Money.ofFen(inscp).toString());
            }
            settlements[k] = b.acctFen(100_000).build();
        }
    }

    private static ListVersion list(String id, String prefix, Random r) {
        List<ListEntry> entries = new ArrayList<>(5000);
        for (int i = 0; i < 5000; i++) {
            boolean byPrefix = id.equals("DEVICES") && i % 2 == 0;
            String code = id.equals("DRUGS") ? String.format("XL%08d", i) : String.format("C03%07d", i);
            entries.add(new ListEntry(
                    code,
                    byPrefix ? MatchLevel.PREFIX : MatchLevel.EXACT,
                    id + i,
                    i % 5 == 0 ? Money.ofFen(100_000 + r.nextInt(1_000_000)) : null,
                    List.of(),
                    List.of(),
                    List.of(),
                    false,
                    null,
                    null));
        }
        return new ListVersion(id, "1", LocalDate.parse("2026-01-01"), null, entries);
    }

    @Benchmark
    public Adjudication adjudicateThirtyLineSettlement() {
        Settlement s = settlements[next++ & 63];
        return engine.adjudicate(s, cases);
    }
}
