package com.huibao.gateway.adapter.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.plan.Plan;
import com.huibao.gateway.domain.pricing.Member;
import com.huibao.gateway.domain.pricing.PlanFigures;
import com.huibao.gateway.domain.pricing.PricedClaim;
import com.huibao.gateway.domain.pricing.YearPricer;
import com.huibao.gateway.domain.benefit.BenefitEngine;
import com.huibao.gateway.domain.settlement.Settlement;
import com.huibao.gateway.domain.settlement.SettlementValidator;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.bouncycastle.util.encoders.Hex;
import scala.Tuple2;

/**
 * The pricing lab on Apache Spark: the same de-identification, the same {@link YearPricer} and the same
 * {@link PlanFigures} as {@code price}, with the year partitioned by person so that each member's settlements are
 * priced together, in time order, on one executor. Executors read, de-identify and validate the history and price
 * each member under each plan; the driver gathers the priced claims into the figures and writes the same report.
 *
 * <pre>
 * spark-submit --class com.huibao.gateway.adapter.cli.SparkPricing --jars huibao-gateway-0.1.0-SNAPSHOT.jar,bcprov-jdk18on-1.80.jar \
 *   huibao-pricing-spark-0.1.0-SNAPSHOT.jar --history hdfs:///year/settlements.ndjson --members members.csv \
 *   --plans A.json,B.json --lists L.json --profiles config/profiles --institutions config/institutions --out report
 * </pre>
 *
 * The plan, list, profile and institution files are read by every executor at the same paths (ship them with
 * {@code --files} or put them on shared storage); the key comes from {@code --hmac-key-hex} or
 * {@code GATEWAY_PII_HMAC_KEY_HEX}.
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
            PricingReport.write(dir, p, Integer.parseInt(opts.getOrDefault("sample", "200")));
            p.figures().values().forEach(f -> System.out.printf(
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
        int parts = partitions > 0 ? partitions : sc.defaultParallelism() * 4;

        // executors: read, de-identify and validate each line; key it by member, or by what is wrong with it
        JavaPairRDD<String, String> keyed = sc.textFile(opts.get("history"), parts)
                .filter(line -> !line.isBlank())
                .mapPartitionsToPair(lines -> {
                    Deidentifier deid = new Deidentifier(key);
                    OfflineReference r = load(options);
                    SettlementValidator validator =
                            new SettlementValidator(r.reader().dialects().validationProfiles());
                    List<Tuple2<String, String>> out = new ArrayList<>();
                    while (lines.hasNext()) {
                        String line = lines.next();
                        try {
                            ObjectNode doc = (ObjectNode) Json.parse(line);
                            String person = deid.apply(doc);
                            var violations = validator.validate(r.reader().read(doc, null));
                            if (!violations.isEmpty()) {
                                throw InvalidDocumentException.inconsistent(violations);
                            }
                            boolean member = person != null && facts.value().containsKey(person);
                            out.add(new Tuple2<>(member ? person : "\u0000member", member ? Json.write(doc) : ""));
                        } catch (InvalidDocumentException | ClassCastException e) {
                            String code = e instanceof InvalidDocumentException d && !d.violations().isEmpty()
                                    ? d.violations().get(0).code()
                                    : "MALFORMED";
                            out.add(new Tuple2<>("\u0000invalid:" + code, ""));
                        }
                    }
                    return out.iterator();
                })
                .cache();
        Map<String, Long> tally = keyed.filter(t -> t._1().startsWith("\u0000")).countByKey();
        long all = keyed.count();

        // executors: each member's year, partitioned by person, priced under every plan
        List<String> planIds = new ArrayList<>(ref.plans().keySet());
        List<String> priced = keyed.filter(t -> !t._1().startsWith("\u0000"))
                .groupByKey(parts)
                .mapPartitions(years -> {
                    OfflineReference r = load(options);
                    YearPricer pricer = new YearPricer(new BenefitEngine(r.lists(), r.institutions()));
                    List<String> out = new ArrayList<>();
                    while (years.hasNext()) {
                        Tuple2<String, Iterable<String>> year = years.next();
                        Member m = decode(year._1(), facts.value().get(year._1()));
                        List<Settlement> settlements = new ArrayList<>();
                        year._2().forEach(doc -> settlements.add(r.reader().read(Json.parse(doc), null)));
                        for (String planId : planIds) {
                            Plan plan = r.plans().get(planId);
                            pricer.price(m, plan, settlements).forEach(c -> out.add(planId + "\t" + encode(c)));
                        }
                    }
                    return out.iterator();
                })
                .collect();
        keyed.unpersist();

        // the driver: the same figures from the same priced claims
        Map<String, Map<String, List<PricedClaim>>> byPlan = new LinkedHashMap<>();
        planIds.forEach(id -> byPlan.put(id, new HashMap<>()));
        for (String row : priced) {
            int tab = row.indexOf('\t');
            PricedClaim c = decodeClaim(row.substring(tab + 1));
            byPlan.get(row.substring(0, tab)).computeIfAbsent(c.person(), p -> new ArrayList<>()).add(c);
        }
        Map<String, PlanFigures> figures = new LinkedHashMap<>();
        Map<String, Map<String, Money>> perClaim = new LinkedHashMap<>();
        for (String planId : planIds) {
            PlanFigures f = new PlanFigures(planId);
            Map<String, Money> claims = new TreeMap<>();
            for (Member m : members.values()) {
                List<PricedClaim> year = byPlan.get(planId).getOrDefault(m.person(), List.of());
                year.forEach(c -> claims.put(c.setlId(), c.payout()));
                f.add(m, year);
            }
            figures.put(planId, f);
            perClaim.put(planId, claims);
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
                perClaim,
                new PriceCommand.Intake(all, invalid, tally.getOrDefault("\u0000member", 0L), problems));
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

    private static String encode(PricedClaim c) {
        StringBuilder benefits = new StringBuilder();
        c.byBenefit().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach(e -> benefits.append(benefits.length() == 0 ? "" : ";")
                        .append(e.getKey())
                        .append('=')
                        .append(e.getValue()));
        return c.setlId() + "\t" + c.person() + "\t" + c.burden() + "\t" + c.payout() + "\t" + benefits + "\t"
                + String.join(";", c.capsBitten());
    }

    private static PricedClaim decodeClaim(String row) {
        String[] f = row.split("\t", -1);
        Map<String, Money> byBenefit = new LinkedHashMap<>();
        if (!f[4].isEmpty()) {
            for (String b : f[4].split(";")) {
                byBenefit.put(b.substring(0, b.indexOf('=')), Money.parse(b.substring(b.indexOf('=') + 1)));
            }
        }
        return new PricedClaim(
                f[0],
                f[1],
                Money.parse(f[2]),
                Money.parse(f[3]),
                byBenefit,
                f[5].isEmpty() ? List.of() : List.of(f[5].split(";")));
    }
}
