package com.huibao.gateway.adapter.cli;

import com.huibao.gateway.codec.Json;
import com.huibao.gateway.domain.benefit.BenefitEngine;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.plan.Plan;
import com.huibao.gateway.domain.pricing.ClaimDifference;
import com.huibao.gateway.domain.pricing.Member;
import com.huibao.gateway.domain.pricing.PlanFigures;
import com.huibao.gateway.domain.pricing.PricingStudy;
import com.huibao.gateway.domain.pricing.YearPricer;
import com.huibao.gateway.domain.settlement.Settlement;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.bouncycastle.util.encoders.Hex;
import scala.Tuple2;

/**
 * The pricing lab on Apache Spark: the same de-identification, the same {@link YearPricer} and the same
 * {@link PlanFigures} as {@code price}, with the year partitioned by person so that each member's settlements are
 * priced together, in time order, on one executor. Executors read, de-identify and validate the history, price
 * each member under each plan and add their members up into a part of the study ({@link PricingStudy}); the driver
 * adds the parts up and writes the same report.
 *
 * <pre>
 * spark-submit --class com.huibao.gateway.adapter.cli.SparkPricing --jars huibao-gateway-0.1.0-SNAPSHOT.jar,bcprov-jdk18on-1.80.jar \
 *   huibao-pricing-spark-0.1.0-SNAPSHOT.jar --history hdfs:///year/settlements.ndjson --members members.csv \
 *   --plans A.json,B.json --lists L.json --profiles config/profiles --institutions config/institutions --out report
 * </pre>
 *
 * The plan, list, profile and institution files are read by every executor at the same paths (ship them with
 * {@code --files} or put them on shared storage); the key comes from {@code --hmac-key-hex} or
 * {@code GATEWAY_PII_HMAC_KEY_HEX}. The history is NDJSON or Parquet ({@link #documents}).
 */
public final class SparkPricing {
    private SparkPricing() {}

    public static void main(String[] args) throws IOException {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        SparkConf conf = new SparkConf().setAppName("huibao-pricing");
        if (opts.containsKey("master")) {
            conf.setMaster(opts.get("master"));
        }
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            PriceCommand.Priced p = price(sc, opts, Integer.parseInt(opts.getOrDefault("partitions", "0")));
            Path dir = Files.createDirectories(Path.of(opts.get("out")));
            PricingReport.write(dir, p);
            p.figures()
                    .values()
                    .forEach(f -> System.out.printf(
                            "%s: %d members, %d claimants, payout %s, per member %s%n",
                            f.planId(), f.members(), f.claimants(), f.payout(), f.perMember()));
        }
    }

    /** Prices the history of {@code opts} (the options of {@code price}) on {@code sc}. */
    static PriceCommand.Priced price(JavaSparkContext sc, Map<String, String> opts, int partitions) throws IOException {
        String hmac = opts.getOrDefault("hmac-key-hex", System.getenv("GATEWAY_PII_HMAC_KEY_HEX"));
        byte[] key = Hex.decode(hmac);
        Map<String, Member> members = PriceCommand.members(Path.of(opts.get("members")), new Deidentifier(key));
        OfflineReference ref = OfflineReference.load(opts);
        HashMap<String, String> options = new HashMap<>(opts);
        HashMap<String, String> memberFacts = new HashMap<>();
        members.forEach((person, m) -> memberFacts.put(person, encode(m)));
        Broadcast<HashMap<String, String>> facts = sc.broadcast(memberFacts);
        int partitionCount = partitions > 0 ? partitions : sc.defaultParallelism() * 4;

        // executors: read, de-identify and validate each line; key it by member, or by what is wrong with it
        JavaPairRDD<String, String> keyed = documents(sc, opts, partitionCount)
                .filter(line -> !line.isBlank())
                .mapPartitionsToPair(lines -> {
                    HistoryReader reader = new HistoryReader(new Deidentifier(key), load(options));
                    List<Tuple2<String, String>> out = new ArrayList<>();
                    while (lines.hasNext()) {
                        HistoryReader.Line line = reader.read(lines.next().getBytes(StandardCharsets.UTF_8));
                        if (line.problem() != null) {
                            out.add(new Tuple2<>("\u0000invalid:" + line.problem(), ""));
                        } else if (line.person() == null || !facts.value().containsKey(line.person())) {
                            out.add(new Tuple2<>("\u0000member", ""));
                        } else {
                            out.add(new Tuple2<>(line.person(), Json.write(line.document())));
                        }
                    }
                    return out.iterator();
                })
                .cache();
        Map<String, Long> tally = keyed.filter(t -> t._1().startsWith("\u0000")).countByKey();
        long all = keyed.count();

        // executors: each member's year, partitioned by person, priced under every plan; each partition hands on
        // its part of the study as text: figures per plan and its largest differences
        List<String> planIds = new ArrayList<>(ref.plans().keySet());
        int sample = Integer.parseInt(opts.getOrDefault("sample", "200"));
        List<String> parts = keyed.filter(t -> !t._1().startsWith("\u0000"))
                .groupByKey(partitionCount)
                .mapPartitions(years -> {
                    OfflineReference r = load(options);
                    YearPricer pricer = new YearPricer(new BenefitEngine(r.lists(), r.institutions()));
                    List<Plan> plans = new ArrayList<>();
                    planIds.forEach(id -> plans.add(r.plans().get(id)));
                    PricingStudy part = new PricingStudy(plans, sample);
                    while (years.hasNext()) {
                        Tuple2<String, Iterable<String>> year = years.next();
                        List<Settlement> settlements = new ArrayList<>();
                        year._2().forEach(doc -> settlements.add(r.reader().read(Json.parse(doc), null)));
                        part.add(decode(year._1(), facts.value().get(year._1())), settlements, pricer);
                    }
                    return encode(part).iterator();
                })
                .collect();
        keyed.unpersist();

        // the driver: the parts added up; members without a valid settlement count as members and nothing else
        PricingStudy sampleOnly = new PricingStudy(List.of(), sample);
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, Money[]> amounts = new LinkedHashMap<>();
        Map<String, Map<String, Money>> byBenefit = new LinkedHashMap<>();
        Map<String, Map<String, Long>> caps = new LinkedHashMap<>();
        Map<String, Map<String, Money>> byClaimant = new LinkedHashMap<>();
        for (String id : planIds) {
            counts.put(id, new long[1]);
            amounts.put(id, new Money[] {Money.ZERO, Money.ZERO});
            byBenefit.put(id, new HashMap<>());
            caps.put(id, new HashMap<>());
            byClaimant.put(id, new HashMap<>());
        }
        for (String row : parts) {
            String[] f = row.split("\t", -1);
            switch (f[0]) {
                case "F" -> {
                    counts.get(f[1])[0] += Long.parseLong(f[2]);
                    Money[] a = amounts.get(f[1]);
                    a[0] = a[0].plus(Money.parse(f[3]));
                    a[1] = a[1].plus(Money.parse(f[4]));
                }
                case "B" -> byBenefit.get(f[1]).merge(f[2], Money.parse(f[3]), Money::plus);
                case "C" -> caps.get(f[1]).merge(f[2], Long.parseLong(f[3]), Long::sum);
                case "P" -> byClaimant.get(f[1]).put(f[2], Money.parse(f[3]));
                case "D" -> sampleOnly.offer(new ClaimDifference(f[1], Money.parse(f[2]), Money.parse(f[3])));
                default -> throw new IllegalStateException("unknown part row " + f[0]);
            }
        }
        Map<String, PlanFigures> figures = new LinkedHashMap<>();
        for (String id : planIds) {
            figures.put(
                    id,
                    PlanFigures.of(
                            id,
                            members.size(),
                            counts.get(id)[0],
                            amounts.get(id)[0],
                            amounts.get(id)[1],
                            byBenefit.get(id),
                            caps.get(id),
                            byClaimant.get(id)));
        }
        Map<String, Long> problems = new TreeMap<>();
        long invalid = 0;
        for (Map.Entry<String, Long> t : tally.entrySet()) {
            if (t.getKey().startsWith("\u0000invalid:")) {
                problems.put(t.getKey().substring("\u0000invalid:".length()), t.getValue());
                invalid += t.getValue();
            }
        }
        return new PriceCommand.Priced(
                figures,
                sampleOnly.largestDifferences(),
                new PriceCommand.Intake(all, invalid, tally.getOrDefault("\u0000member", 0L), problems));
    }

    /**
     * The history's settlements as JSON documents: NDJSON lines, or the rows of a Parquet history ({@code
     * --history-format parquet}, or a path ending in {@code .parquet}) written back as JSON by Spark, so that a
     * Parquet file of settlements in either spelling (structs and arrays named as the documents' fields) reads like
     * the documents themselves.
     */
    private static JavaRDD<String> documents(JavaSparkContext sc, Map<String, String> opts, int partitions) {
        String history = opts.get("history");
        String format = opts.getOrDefault("history-format", history.endsWith(".parquet") ? "parquet" : "ndjson");
        if (!format.equals("parquet")) {
            return sc.textFile(history, partitions);
        }
        SparkSession spark = SparkSession.builder().config(sc.getConf()).getOrCreate();
        return spark.read().parquet(history).toJSON().javaRDD().repartition(partitions);
    }

    /** A partition's part of the study as rows of text (Spark sends text; the domain stays free of java.io). */
    private static List<String> encode(PricingStudy part) {
        List<String> rows = new ArrayList<>();
        part.figures().forEach((id, f) -> {
            rows.add("F\t" + id + "\t" + f.claims() + "\t" + f.burden() + "\t" + f.payout());
            f.byBenefit().forEach((b, amount) -> rows.add("B\t" + id + "\t" + b + "\t" + amount));
            f.capsBitten().forEach((cap, n) -> rows.add("C\t" + id + "\t" + cap + "\t" + n));
            f.byClaimant().forEach((person, amount) -> rows.add("P\t" + id + "\t" + person + "\t" + amount));
        });
        for (ClaimDifference d : part.largestDifferences()) {
            rows.add("D\t" + d.setlId() + "\t" + d.first() + "\t" + d.second());
        }
        return rows;
    }

    private static OfflineReference load(Map<String, String> options) {
        try {
            return OfflineReference.load(options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String encode(Member m) {
        return m.enrolledFrom() + "|" + m.enrolledTo() + "|" + (m.edition() == null ? "" : m.edition()) + "|"
                + m.claimFreeEditions() + "|" + m.preexisting();
    }

    private static Member decode(String person, String facts) {
        String[] f = facts.split("\\|", -1);
        return new Member(
                person,
                LocalDate.parse(f[0]),
                LocalDate.parse(f[1]),
                f[2].isEmpty() ? null : f[2],
                Integer.parseInt(f[3]),
                Boolean.parseBoolean(f[4]));
    }
}
