package com.huibao.gateway.adapter.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.codec.Json;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A synthetic plan year (2025-07-01 to 2026-06-30) of a city's insured for trying the pricing lab without real data:
 * {@code members.csv} and {@code settlements.ndjson} (flat documents). Identity numbers are made up (region 310101, a
 * random birth date, a valid check digit) and never those of a real person. Shapes a pricing actuary expects:
 * outpatient visits for most members with a winter peak; inpatient stays for about one member in eight with a
 * lognormal bill and out-of-list costs; a heavy tail of listed specialty drugs bought monthly (0.6 % of members),
 * proton therapy (0.03 %) and CAR-T at a certified hospital (0.01 %); 20 % of members with pre-existing conditions,
 * editions and claim-free years mixed. Deterministic: the same seed gives the same bytes.
 */
public final class SyntheticYear {
    private static final LocalDate START = LocalDate.of(2025, 7, 1);
    private static final LocalDate END = LocalDate.of(2026, 7, 1);
    /** Relative visit rates by month from July: winter respiratory peak, summer trough. */
    private static final double[] SEASON = {0.85, 0.85, 0.9, 1.0, 1.1, 1.3, 1.35, 1.25, 1.05, 0.95, 0.9, 0.85};

    private static final List<String> SPECIALTY_DRUGS = List.of("纳武利尤单抗", "帕博利珠单抗", "度伐利尤单抗", "阿替利珠单抗注射液");
    private static final List<String> INNOVATIVE_DRUGS = List.of("注射用维拉苷酶β", "盐酸沙丙蝶呤片", "注射用泽尼达妥单抗");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Random r;
    private long settlementSeq;
    private final Set<String> issued = new HashSet<>();

    SyntheticYear(long seed) {
        this.r = new Random(seed);
    }

    /** {@code synthesize-year --people N --out DIR [--seed S]}. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        if (!opts.containsKey("people") || !opts.containsKey("out")) {
            err.println("usage: synthesize-year --people N --out DIR [--seed S]");
            return 2;
        }
        try {
            int people = Integer.parseInt(opts.get("people"));
            new SyntheticYear(Long.parseLong(opts.getOrDefault("seed", "2025")))
                    .write(Path.of(opts.get("out")), people);
            out.println("wrote " + people + " members and their year to " + opts.get("out"));
            return 0;
        } catch (NumberFormatException | IOException e) {
            err.println("cannot write the year: " + e.getMessage());
            return 2;
        }
    }

    /** Writes {@code members.csv} and {@code settlements.ndjson} of {@code people} members to {@code dir}. */
    void write(Path dir, int people) throws IOException {
        Files.createDirectories(dir);
        try (PrintWriter members = new PrintWriter(Files.newBufferedWriter(dir.resolve("members.csv")));
                OutputStream settlements =
                        new BufferedOutputStream(Files.newOutputStream(dir.resolve("settlements.ndjson")), 1 << 20)) {
            members.println("psn_cert_type,certno,edition,claim_free_editions,preexisting,enrolled_from,enrolled_to");
            for (int i = 0; i < people; i++) {
                String certno = certno(i);
                double e = r.nextDouble();
                String edition = e < 0.90 ? "" : e < 0.97 ? "CARE" : "NEW_CITIZEN";
                boolean preexisting = r.nextDouble() < 0.20;
                LocalDate from = r.nextDouble() < 0.05 ? START.plusMonths(1 + r.nextInt(3)) : START;
                members.println("01," + certno + "," + edition + "," + r.nextInt(4) + "," + preexisting + "," + from
                        + "," + END);
                for (ObjectNode s : year(certno, from)) {
                    settlements.write(Json.bytes(s));
                    settlements.write('\n');
                }
            }
        }
    }

    private List<ObjectNode> year(String certno, LocalDate from) {
        List<ObjectNode> out = new ArrayList<>();
        int outpatient = poisson(4.9);
        for (int v = 0; v < outpatient; v++) {
            out.add(outpatient(certno, day(from)));
        }
        double u = r.nextDouble();
        int stays = u < 0.03 ? 2 : u < 0.125 ? 1 : 0;
        for (int v = 0; v < stays; v++) {
            out.add(inpatient(certno, day(from)));
        }
        if (r.nextDouble() < 0.006) { // a listed specialty drug, bought monthly from the start of treatment
            String drug = SPECIALTY_DRUGS.get(r.nextInt(SPECIALTY_DRUGS.size()));
            long monthly = fen(8_000 + r.nextInt(32_000));
            LocalDate d = day(from);
            for (; d.isBefore(END); d = d.plusMonths(1)) {
                out.add(specialtyDrug(certno, d, drug, monthly));
            }
        }
        if (r.nextDouble() < 0.002) { // a drug of the national 商保创新药目录 (in force from 2026-01-01), monthly
            String drug = INNOVATIVE_DRUGS.get(r.nextInt(INNOVATIVE_DRUGS.size()));
            long monthly = fen(5_000 + r.nextInt(25_000));
            LocalDate d = LocalDate.of(2026, 1, 1).plusDays(r.nextInt(150));
            for (; d.isBefore(END); d = d.plusMonths(1)) {
                out.add(specialtyDrug(certno, d, drug, monthly));
            }
        }
        if (r.nextDouble() < 0.0003) {
            out.add(special(certno, day(from), "质子放射治疗", "C61.900", fen(200_000 + r.nextInt(100_000)), null));
        }
        if (r.nextDouble() < 0.0001) {
            out.add(special(
                    certno, day(from), "阿基仑赛注射液", "C83.300", fen(1_200_000), "TY2025-CART-" + certno.substring(12)));
        }
        return out;
    }

    private ObjectNode outpatient(String certno, LocalDate day) {
        Doc d = new Doc(certno, "11", day, "J06.900", "急性上呼吸道感染");
        int lines = 2 + r.nextInt(4);
        for (int i = 0; i < lines; i++) {
            long det = fen(20 + r.nextInt(300));
            boolean own = r.nextDouble() < 0.15;
            d.line("XJ01CA04" + (100 + i), "阿莫西林胶囊", own ? "03" : "02", det, own ? det : 0, 0, own ? 0 : det / 10);
        }
        return d.done(0.6);
    }

    private ObjectNode inpatient(String certno, LocalDate day) {
        Doc d = new Doc(certno, "21", day, "K80.200", "胆囊结石");
        double scale = Math.exp(r.nextGaussian() * 0.9) * 15_000; // lognormal bill, median about 15,000
        int lines = 10 + r.nextInt(21);
        for (int i = 0; i < lines; i++) {
            long det = Math.max(100, (long) (scale * 100 / lines * (0.5 + r.nextDouble())));
            double kind = r.nextDouble();
            if (kind < 0.25) { // out of the catalogue: the patient pays it all
                d.line("ZF" + String.format("%08d", i), "自费耗材", "03", det, det, 0, 0);
            } else {
                d.line(
                        "001204000" + String.format("%06d", i),
                        "床位及诊疗",
                        kind < 0.6 ? "01" : "02",
                        det,
                        0,
                        0,
                        kind < 0.6 ? 0 : det / 10);
            }
        }
        return d.done(0.8);
    }

    private ObjectNode specialtyDrug(String certno, LocalDate day, String drug, long monthly) {
        Doc d = new Doc(certno, "14", day, "C34.900", "肺恶性肿瘤");
        d.line("XL01FF", drug, "03", monthly, monthly, 0, 0).put("preapproval_no", "TY2025-" + certno.substring(10));
        return d.done(0.0);
    }

    private ObjectNode special(String certno, LocalDate day, String item, String diag, long amount, String approval) {
        Doc d = new Doc(certno, "21", day, diag, "恶性肿瘤");
        d.line("001204000010000", "床位费", "01", fen(1_000), 0, 0, 0);
        ObjectNode l = d.line("XL01XX", item, "03", amount, amount, 0, 0);
        if (approval != null) {
            l.put("preapproval_no", approval);
        }
        return d.done(0.75);
    }

    /** One settlement being built ({@link SettlementDraft}) with whose and which kind it is. */
    private final class Doc {
        final SettlementDraft draft;
        final String certno;
        final String medType;
        final LocalDate day;

        Doc(String certno, String medType, LocalDate day, String diag, String diagName) {
            this.certno = certno;
            this.medType = medType;
            this.day = day;
            this.draft = new SettlementDraft(diag, diagName);
        }

        ObjectNode line(String code, String name, String level, long det, long own, long overLimit, long preSelf) {
            return draft.line(code, name, level, det, own, overLimit, preSelf, own == det ? "1.00" : "0.10");
        }

        ObjectNode done(double fundShareOfInScope) {
            long fund = (long) (draft.inScope() * fundShareOfInScope);
            long psn = draft.fee() - fund;
            long acct = Math.min(psn, r.nextInt(2) == 0 ? 0 : fen(r.nextInt(1_500)));
            String id = String.format("SY%010d", ++settlementSeq);
            LocalDateTime at = day.atTime(8 + r.nextInt(10), r.nextInt(60), r.nextInt(60));
            return draft.finish(
                    new SettlementDraft.Identity(
                            id, "31" + certno.substring(6, 18), certno, "测试甲", medType, at.format(TIME)),
                    fund,
                    acct);
        }
    }

    private LocalDate day(LocalDate from) {
        while (true) { // a month by season, a day in it, within the member's enrolment
            int m = r.nextInt(12);
            if (r.nextDouble() * 1.35 > SEASON[m]) {
                continue;
            }
            LocalDate d = START.plusMonths(m).plusDays(r.nextInt(28));
            if (!d.isBefore(from)) {
                return d;
            }
        }
    }

    private int poisson(double mean) {
        double l = Math.exp(-mean);
        double p = 1;
        int k = 0;
        do {
            k++;
            p *= r.nextDouble();
        } while (p > l);
        return k - 1;
    }

    /**
     * A made-up identity number, different for every member: a Shanghai district code, a birth date in 1940–2005, a
     * sequence and its check digit.
     */
    private String certno(int i) {
        String body;
        do {
            LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(r.nextInt(65 * 365));
            body = String.format("31%04d", 100 + (i / 1000) % 100)
                    + birth.format(DateTimeFormatter.BASIC_ISO_DATE)
                    + String.format("%03d", i % 1000);
        } while (!issued.add(body));
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            sum += (body.charAt(k) - '0') * w[k];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    private static long fen(long yuan) {
        return yuan * 100;
    }
}
