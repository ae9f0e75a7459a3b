package com.huibao.gateway.adapter.cli;

import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.pricing.ClaimDifference;
import com.huibao.gateway.domain.pricing.PlanFigures;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The pricing lab's output, for an actuary: {@code figures.csv} (one row per plan and figure), {@code
 * sample-diff.csv} (the claims whose payout differs most between the first two plans) and {@code report.html} (the
 * same figures with charts drawn as inline SVG: no script, no network). Nothing in them names a person: members
 * appear only as the first 12 characters of their pseudonym.
 */
final class PricingReport {
    /** Claimant payout percentiles, in per mille (999 = P99.9). */
    private static final int[] PER_MILLE = {500, 750, 900, 950, 990, 999};

    private PricingReport() {}

    static void write(Path dir, PriceCommand.Priced p) throws IOException {
        Files.writeString(dir.resolve("figures.csv"), figures(p), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("sample-diff.csv"), sampleDiff(p), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("report.html"), html(p), StandardCharsets.UTF_8);
    }

    static String figures(PriceCommand.Priced p) {
        StringBuilder csv = new StringBuilder("plan_id,figure,key,value\r\n");
        for (PlanFigures f : p.figures().values()) {
            row(csv, f, "members", "", String.valueOf(f.members()));
            row(csv, f, "claimants", "", String.valueOf(f.claimants()));
            row(csv, f, "claims", "", String.valueOf(f.claims()));
            row(csv, f, "burden", "", f.burden().toString());
            row(csv, f, "payout", "", f.payout().toString());
            row(csv, f, "payout_per_member", "", f.perMember().toString());
            f.byBenefit().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> row(
                            csv,
                            f,
                            "payout_by_benefit",
                            e.getKey(),
                            e.getValue().toString()));
            for (int q : PER_MILLE) {
                row(
                        csv,
                        f,
                        "claimant_payout_percentile",
                        pct(q),
                        f.claimantPercentile(q).toString());
            }
            row(csv, f, "top_1pct_claimants_share", "", f.topShare(1).toPlainString());
            f.capsBitten().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> row(csv, f, "limit_bit", e.getKey(), String.valueOf(e.getValue())));
        }
        return csv.toString();
    }

    private static void row(StringBuilder csv, PlanFigures f, String figure, String key, String value) {
        csv.append(f.planId())
                .append(',')
                .append(figure)
                .append(',')
                .append(key)
                .append(',')
                .append(value)
                .append("\r\n");
    }

    static String sampleDiff(PriceCommand.Priced p) {
        List<String> plans = new ArrayList<>(p.figures().keySet());
        StringBuilder csv = new StringBuilder("setl_id,")
                .append(plans.isEmpty() ? "a" : plans.get(0))
                .append(',')
                .append(plans.size() < 2 ? "b" : plans.get(1))
                .append(",difference\r\n");
        for (ClaimDifference d : p.largestDifferences()) {
            csv.append(d.setlId())
                    .append(',')
                    .append(d.first())
                    .append(',')
                    .append(d.second())
                    .append(',')
                    .append(d.difference())
                    .append("\r\n");
        }
        return csv.toString();
    }

    static String html(PriceCommand.Priced p) {
        StringBuilder h = new StringBuilder();
        h.append("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>定价实验室 Pricing lab")
                .append("</title><style>body{font:14px system-ui,sans-serif;margin:2em;max-width:1100px}")
                .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:4px 8px;")
                .append("text-align:right}th:first-child,td:first-child{text-align:left}h2{margin-top:2em}")
                .append("svg text{font:11px system-ui,sans-serif}</style></head><body>");
        h.append("<h1>定价实验室 · Pricing lab</h1>");
        PriceCommand.Intake in = p.intake();
        h.append("<p>Settlements read: ")
                .append(in.settlements())
                .append("; invalid: ")
                .append(in.invalid())
                .append(in.problems().isEmpty() ? "" : " " + in.problems())
                .append("; of people outside the member file: ")
                .append(in.notMembers())
                .append(". Identity numbers were replaced by keyed SM3 pseudonyms as each settlement was read; ")
                .append("names and free text were dropped.</p>");
        h.append("<h2>Plans side by side</h2><table><tr><th>figure</th>");
        for (String plan : p.figures().keySet()) {
            h.append("<th>").append(esc(plan)).append("</th>");
        }
        h.append("</tr>");
        line(h, p, "members", f -> String.valueOf(f.members()));
        line(h, p, "claimants", f -> String.valueOf(f.claimants()));
        line(h, p, "claims", f -> String.valueOf(f.claims()));
        line(h, p, "members' burden seen", f -> f.burden().toString());
        line(h, p, "payout", f -> f.payout().toString());
        line(h, p, "pure premium (payout per member)", f -> f.perMember().toString());
        for (int q : PER_MILLE) {
            line(
                    h,
                    p,
                    "claimant payout P" + pct(q),
                    f -> f.claimantPercentile(q).toString());
        }
        line(
                h,
                p,
                "share of payout to the top 1 % of claimants",
                f -> f.topShare(1)
                                .multiply(BigDecimal.valueOf(100))
                                .stripTrailingZeros()
                                .toPlainString() + " %");
        h.append("</table>");
        h.append("<h2>Plan against plan</h2>").append(planAgainstPlan(p.figures()));
        h.append("<h2>Payout by benefit</h2>");
        for (PlanFigures f : p.figures().values()) {
            h.append("<h3>").append(esc(f.planId())).append("</h3>").append(bars(f.byBenefit()));
        }
        h.append("<h2>Distribution of the year's payout per claimant</h2>");
        for (PlanFigures f : p.figures().values()) {
            h.append("<h3>").append(esc(f.planId())).append("</h3>").append(histogram(f.claimantPayouts()));
        }
        h.append("<h2>Limits that bit (claims)</h2><table><tr><th>plan</th><th>benefit:limit</th><th>claims</th></tr>");
        for (PlanFigures f : p.figures().values()) {
            f.capsBitten().entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> h.append("<tr><td>")
                            .append(esc(f.planId()))
                            .append("</td><td>")
                            .append(esc(e.getKey()))
                            .append("</td><td>")
                            .append(e.getValue())
                            .append("</td></tr>"));
        }
        h.append("</table>");
        List<ClaimDifference> diff = p.largestDifferences();
        if (!diff.isEmpty()) {
            List<String> plans = new ArrayList<>(p.figures().keySet());
            h.append("<h2>Plan against plan, claim by claim (largest differences; all in sample-diff.csv)</h2>")
                    .append("<table><tr><th>setl_id</th><th>")
                    .append(esc(plans.get(0)))
                    .append("</th><th>")
                    .append(esc(plans.get(1)))
                    .append("</th><th>difference</th></tr>");
            for (ClaimDifference d : diff.subList(0, Math.min(50, diff.size()))) {
                h.append("<tr><td>")
                        .append(esc(d.setlId()))
                        .append("</td><td>")
                        .append(d.first())
                        .append("</td><td>")
                        .append(d.second())
                        .append("</td><td>")
                        .append(d.difference())
                        .append("</td></tr>");
            }
            h.append("</table>");
        }
        return h.append("</body></html>\n").toString();
    }

    private static void line(StringBuilder h, PriceCommand.Priced p, String name, Function<PlanFigures, String> v) {
        h.append("<tr><td>").append(esc(name)).append("</td>");
        for (PlanFigures f : p.figures().values()) {
            h.append("<td>").append(esc(v.apply(f))).append("</td>");
        }
        h.append("</tr>");
    }

    /** For each benefit (and the pure premium), one bar per plan side by side, each row scaled to its largest. */
    private static String planAgainstPlan(Map<String, PlanFigures> figures) {
        String[] colours = {"#2f6fb0", "#e39b2d", "#5b9f4a", "#8e5ea2"};
        List<String> plans = new ArrayList<>(figures.keySet());
        TreeSet<String> benefits = new TreeSet<>();
        figures.values().forEach(f -> benefits.addAll(f.byBenefit().keySet()));
        List<String> rows = new ArrayList<>();
        rows.add("pure premium");
        rows.addAll(benefits);
        int barH = 14;
        int rowH = plans.size() * barH + 12;
        StringBuilder s = new StringBuilder("<svg width=\"760\" height=\"" + (rows.size() * rowH + 30) + "\">");
        for (int k = 0; k < plans.size(); k++) {
            s.append("<rect x=\"")
                    .append(200 + k * 180)
                    .append("\" y=\"2\" width=\"12\" height=\"12\" fill=\"")
                    .append(colours[k % colours.length])
                    .append("\"/><text x=\"")
                    .append(216 + k * 180)
                    .append("\" y=\"12\">")
                    .append(esc(plans.get(k)))
                    .append("</text>");
        }
        for (int i = 0; i < rows.size(); i++) {
            String row = rows.get(i);
            List<Money> values = new ArrayList<>();
            for (String plan : plans) {
                PlanFigures f = figures.get(plan);
                values.add(i == 0 ? f.perMember() : f.byBenefit().getOrDefault(row, Money.ZERO));
            }
            Money max = values.stream().max(Money::compareTo).orElse(Money.ZERO);
            int y = 24 + i * rowH;
            s.append("<text x=\"0\" y=\"")
                    .append(y + barH)
                    .append("\">")
                    .append(esc(row))
                    .append("</text>");
            for (int k = 0; k < plans.size(); k++) {
                bar(
                        s,
                        y + k * barH,
                        barH - 2,
                        width(values.get(k), max, 400),
                        colours[k % colours.length],
                        values.get(k));
            }
        }
        return s.append("</svg>").toString();
    }

    /** Horizontal bars, one per benefit, scaled to the largest. */
    private static String bars(Map<String, Money> byBenefit) {
        List<Map.Entry<String, Money>> rows = new ArrayList<>(byBenefit.entrySet());
        rows.sort(Map.Entry.<String, Money>comparingByValue().reversed());
        Money max = rows.isEmpty() ? Money.ZERO : rows.get(0).getValue();
        StringBuilder s = new StringBuilder("<svg width=\"760\" height=\"" + (rows.size() * 26 + 10) + "\">");
        for (int i = 0; i < rows.size(); i++) {
            int y = 5 + i * 26;
            s.append("<text x=\"0\" y=\"")
                    .append(y + 15)
                    .append("\">")
                    .append(esc(rows.get(i).getKey()))
                    .append("</text>");
            bar(
                    s,
                    y,
                    20,
                    width(rows.get(i).getValue(), max, 440),
                    "#2f6fb0",
                    rows.get(i).getValue());
        }
        return s.append("</svg>").toString();
    }

    /** A bar's length in whole pixels, {@code full} for the largest value: scaled in fen, exact. */
    private static long width(Money value, Money max, int full) {
        return max.fen() <= 0 ? 0 : full * Math.max(0, value.fen()) / max.fen();
    }

    /** A horizontal bar from x = 200 with its value written after it. */
    private static void bar(StringBuilder s, int y, int height, long width, String colour, Money value) {
        s.append("<rect x=\"200\" y=\"")
                .append(y)
                .append("\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" fill=\"")
                .append(colour)
                .append("\"/><text x=\"")
                .append(206 + width)
                .append("\" y=\"")
                .append(y + height - 3)
                .append("\">")
                .append(value)
                .append("</text>");
    }

    /** Claimants by their year's payout, in decade buckets (under 100, 100–1,000, …): the heavy tail at a glance. */
    private static String histogram(List<Money> payouts) {
        String[] labels = {"< 100", "100–1k", "1k–10k", "10k–100k", "100k–1M", "≥ 1M"};
        long[] n = new long[labels.length];
        for (Money m : payouts) {
            long yuan = m.fen() / 100;
            int b = yuan < 100
                    ? 0
                    : yuan < 1_000 ? 1 : yuan < 10_000 ? 2 : yuan < 100_000 ? 3 : yuan < 1_000_000 ? 4 : 5;
            n[b]++;
        }
        long max = 1;
        for (long x : n) {
            max = Math.max(max, x);
        }
        StringBuilder s = new StringBuilder("<svg width=\"760\" height=\"220\">");
        for (int i = 0; i < labels.length; i++) {
            long h = 160 * n[i] / max;
            int x = 20 + i * 120;
            s.append("<rect x=\"")
                    .append(x)
                    .append("\" y=\"")
                    .append(180 - h)
                    .append("\" width=\"90\" height=\"")
                    .append(h)
                    .append("\" fill=\"#c0504d\"/><text x=\"")
                    .append(x)
                    .append("\" y=\"198\">")
                    .append(labels[i])
                    .append("</text><text x=\"")
                    .append(x)
                    .append("\" y=\"")
                    .append(175 - h)
                    .append("\">")
                    .append(n[i])
                    .append("</text>");
        }
        return s.append("</svg>").toString();
    }

    /** 990 → "99", 999 → "99.9". */
    private static String pct(int perMille) {
        return perMille % 10 == 0 ? String.valueOf(perMille / 10) : perMille / 10 + "." + perMille % 10;
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
