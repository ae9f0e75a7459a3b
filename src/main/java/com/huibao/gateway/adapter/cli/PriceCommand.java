package com.huibao.gateway.adapter.cli;

import com.huibao.gateway.domain.benefit.BenefitEngine;
import com.huibao.gateway.domain.plan.Plan;
import com.huibao.gateway.domain.pricing.ClaimDifference;
import com.huibao.gateway.domain.pricing.Member;
import com.huibao.gateway.domain.pricing.PlanFigures;
import com.huibao.gateway.domain.pricing.PricingStudy;
import com.huibao.gateway.domain.pricing.YearPricer;
import com.huibao.gateway.domain.settlement.Settlement;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import org.bouncycastle.util.encoders.Hex;

/**
 * {@code price --history S.ndjson --members M.csv --plans A.json[,B.json] --lists L[,L2] --out DIR
 * [--hmac-key-hex HEX] [--institutions DIRS] [--profiles DIR] [--threads N] [--sample N]}: the pricing lab on one
 * machine. Reads a year of settlements (flat documents or national bundles, NDJSON), de-identifies each as it is
 * read, prices every member's year under every candidate plan (accumulators in time order, as the gateway would
 * have), and writes {@code figures.csv}, {@code sample-diff.csv} and {@code report.html} (docs/PRICING.md).
 */
public final class PriceCommand {
    static final String USAGE = "usage: price --history S.ndjson --members M.csv --plans A.json[,B.json] "
            + "--lists L.json[,L2] --out DIR [--hmac-key-hex HEX] [--institutions DIR[,DIR]] [--profiles DIR] "
            + "[--threads N] [--sample N]";

    private static final byte[] NOTHING = new byte[0];

    private PriceCommand() {}

    /**
     * The outcome of a run: each plan's figures, in the order given, the claims whose payout differs most between
     * the first two plans, and what reading the history found.
     */
    record Priced(Map<String, PlanFigures> figures, List<ClaimDifference> largestDifferences, Intake intake) {}

    /** What reading the history found. */
    record Intake(long settlements, long invalid, long notMembers, Map<String, Long> problems) {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                err.println(USAGE);
                return 2;
            }
            opts.put(args[i].substring(2), args[i + 1]);
        }
        String hmac = opts.getOrDefault("hmac-key-hex", System.getenv("GATEWAY_PII_HMAC_KEY_HEX"));
        for (String required : List.of("history", "members", "plans", "out")) {
            if (!opts.containsKey(required)) {
                err.println(USAGE);
                return 2;
            }
        }
        if (hmac == null || hmac.isBlank()) {
            err.println("the pseudonym key is needed: --hmac-key-hex or GATEWAY_PII_HMAC_KEY_HEX\n" + USAGE);
            return 2;
        }
        try {
            OfflineReference ref = OfflineReference.load(opts);
            int threads = Integer.parseInt(opts.getOrDefault(
                    "threads", String.valueOf(Runtime.getRuntime().availableProcessors())));
            Deidentifier deid = new Deidentifier(Hex.decode(hmac));
            Map<String, Member> members = members(Path.of(opts.get("members")), deid);
            Priced priced;
            try (InputStream in = Files.newInputStream(Path.of(opts.get("history")))) {
                priced = price(ref, members, in, deid, threads, Integer.parseInt(opts.getOrDefault("sample", "200")));
            }
            Path dir = Files.createDirectories(Path.of(opts.get("out")));
            PricingReport.write(dir, priced);
            for (PlanFigures f : priced.figures().values()) {
                out.printf(
                        "%s: %d members, %d claimants, payout %s, per member %s%n",
                        f.planId(), f.members(), f.claimants(), f.payout(), f.perMember());
            }
            out.println("report: " + dir.resolve("report.html"));
            return 0;
        } catch (InvalidDocumentException e) {
            err.println("invalid document: " + e.getMessage());
            return 2;
        } catch (IOException | RuntimeException e) {
            err.println("cannot price: " + e.getMessage());
            return 2;
        }
    }

    /** The members file, keyed by pseudonym: identity numbers are not kept past this point. */
    static Map<String, Member> members(Path csv, Deidentifier deid) throws IOException {
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        List<String> head = List.of(lines.get(0).replace("\uFEFF", "").split(",", -1));
        Map<String, Member> out = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < head.size() && i < f.length; i++) {
                row.put(head.get(i).trim(), f[i].trim());
            }
            String person = deid.person(row.get("psn_cert_type"), row.get("certno"));
            String edition = row.getOrDefault("edition", "");
            out.put(
                    person,
                    new Member(
                            person,
                            LocalDate.parse(row.get("enrolled_from")),
                            LocalDate.parse(row.get("enrolled_to")),
                            edition.isEmpty() ? null : edition,
                            Integer.parseInt(row.getOrDefault("claim_free_editions", "0")),
                            Boolean.parseBoolean(row.getOrDefault("preexisting", "false"))));
        }
        return out;
    }

    /** Reads, de-identifies and groups the history by member, then prices every member under every plan. */
    static Priced price(
            OfflineReference ref,
            Map<String, Member> members,
            InputStream history,
            Deidentifier deid,
            int threads,
            int sample)
            throws IOException {
        HistoryReader reader = new HistoryReader(deid, ref);
        Map<String, List<Settlement>> byMember = new ConcurrentHashMap<>();
        Map<String, Long> problems = new ConcurrentHashMap<>();
        LongAdder seen = new LongAdder(); // non-blank lines: NdjsonReplay skips blank ones
        LongAdder invalid = new LongAdder();
        LongAdder notMembers = new LongAdder();
        NdjsonReplay.LineAnswer read = (bytes, n) -> {
            seen.increment();
            HistoryReader.Line line = reader.read(bytes);
            if (line.problem() != null) {
                problems.merge(line.problem(), 1L, Long::sum);
                invalid.increment();
            } else if (line.person() == null || !members.containsKey(line.person())) {
                notMembers.increment();
            } else {
                byMember.computeIfAbsent(line.person(), p -> Collections.synchronizedList(new ArrayList<>()))
                        .add(line.settlement());
            }
            return NOTHING;
        };
        new NdjsonReplay(read, threads).run(history, OutputStream.nullOutputStream());
        BenefitEngine engine = new BenefitEngine(ref.lists(), ref.institutions());
        YearPricer pricer = new YearPricer(engine);
        List<Member> all = new ArrayList<>(members.values());
        List<Plan> plans = new ArrayList<>(ref.plans().values());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
        PricingStudy study = new PricingStudy(plans, sample);
        try {
            List<Future<PricingStudy>> parts = new ArrayList<>();
            int chunk = Math.max(1, (all.size() + threads * 8 - 1) / (threads * 8));
            for (int from = 0; from < all.size(); from += chunk) {
                List<Member> slice = all.subList(from, Math.min(all.size(), from + chunk));
                parts.add(pool.submit(() -> {
                    PricingStudy part = new PricingStudy(plans, sample);
                    for (Member m : slice) {
                        part.add(m, byMember.getOrDefault(m.person(), List.of()), pricer);
                    }
                    return part;
                }));
            }
            for (Future<PricingStudy> part : parts) {
                study.merge(part.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Priced(
                study.figures(),
                study.largestDifferences(),
                new Intake(seen.sum(), invalid.sum(), notMembers.sum(), new TreeMap<>(problems)));
    }
}
