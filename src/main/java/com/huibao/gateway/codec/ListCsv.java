package com.huibao.gateway.codec;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.huibao.gateway.domain.coverage.ListEntry;
import com.huibao.gateway.domain.coverage.ListVersion;
import com.huibao.gateway.domain.coverage.MatchLevel;
import com.huibao.gateway.domain.money.AmountFormatException;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import com.huibao.gateway.domain.validation.Violation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads coverage-list entries from CSV (UTF-8, optional BOM, RFC 4180 quoting, a header row). Columns: {@code code}
 * (required), {@code match}, {@code name}, {@code payment_standard}, {@code diagnosis_prefixes}, {@code hospitals},
 * {@code med_types} (lists separated by {@code ;}), {@code requires_preapproval} ({@code true/false/1/0/是/否}),
 * {@code effective_from}, {@code effective_to}, {@code annual_cap}, {@code annual_count}, {@code admission_cap}.
 * A self-contained file (for the {@code adjudicate} command) may also
 * carry {@code list_id}, {@code version}, {@code version_from}, {@code version_to} on every row.
 */
public final class ListCsv {
    private static final CsvMapper CSV = new CsvMapper();

    private ListCsv() {}

    /** One version whose identity and window are given (HTTP upload); list columns in rows, if any, are ignored. */
    public static ListVersion read(String listId, String version, LocalDate from, LocalDate to, byte[] bytes) {
        List<Violation> violations = new ArrayList<>();
        List<ListEntry> entries = new ArrayList<>();
        for (Row r : rows(bytes, violations)) {
            entries.add(entry(r, violations));
        }
        if (!violations.isEmpty()) {
            throw InvalidDocumentException.malformed(violations);
        }
        return new ListVersion(listId, version, from, to, entries);
    }

    /** Self-contained file: rows grouped into versions by their {@code list_id} and {@code version} columns. */
    public static List<ListVersion> readAll(byte[] bytes) {
        List<Violation> violations = new ArrayList<>();
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        for (Row r : rows(bytes, violations)) {
            String listId = r.require("list_id", violations);
            String version = r.require("version", violations);
            groups.computeIfAbsent(listId + "\u0000" + version, k -> new ArrayList<>())
                    .add(r);
        }
        List<ListVersion> out = new ArrayList<>();
        for (List<Row> group : groups.values()) {
            Row first = group.get(0);
            LocalDate from = first.date("version_from", true, violations);
            LocalDate to = first.date("version_to", false, violations);
            List<ListEntry> entries = new ArrayList<>();
            for (Row r : group) {
                entries.add(entry(r, violations));
            }
            out.add(new ListVersion(first.get("list_id"), first.get("version"), from, to, entries));
        }
        if (!violations.isEmpty()) {
            throw InvalidDocumentException.malformed(violations);
        }
        return out;
    }

    private static ListEntry entry(Row r, List<Violation> violations) {
        String code = r.require("code", violations);
        String match = r.get("match");
        MatchLevel level = MatchLevel.EXACT;
        if (match != null) {
            try {
                level = MatchLevel.valueOf(match.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                violations.add(new Violation(
                        r.at("match"),
                        "INVALID_MATCH",
                        "match must be exact, prefix or generic_name, " + "was " + match));
            }
        }
        Money standard = null;
        String std = r.get("payment_standard");
        if (std != null) {
            try {
                standard = Money.parse(std);
                if (!standard.isPositive()) {
                    violations.add(
                            new Violation(r.at("payment_standard"), "NOT_POSITIVE", "payment_standard must be > 0"));
                }
            } catch (AmountFormatException e) {
                violations.add(new Violation(r.at("payment_standard"), "INVALID_AMOUNT", e.getMessage()));
            }
        }
        return new ListEntry(
                code,
                level,
                r.get("name"),
                standard,
                r.list("diagnosis_prefixes"),
                r.list("hospitals"),
                r.list("med_types"),
                r.flag("requires_preapproval", violations),
                r.date("effective_from", false, violations),
                r.date("effective_to", false, violations),
                r.money("annual_cap", violations),
                r.count("annual_count", violations),
                r.money("admission_cap", violations),
                r.list("institution_sets"));
    }

    private static List<Row> rows(byte[] bytes, List<Violation> violations) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Row> rows = new ArrayList<>();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Map<String, String>> it = CSV.readerFor(Map.class)
                .with(schema)
                .with(CsvParser.Feature.TRIM_SPACES)
                .readValues(text)) {
            int line = 2;
            while (it.hasNextValue()) {
                rows.add(new Row(line++, it.nextValue()));
            }
        } catch (IOException | RuntimeException e) {
            violations.add(new Violation("csv", "INVALID_CSV", Json.firstLine(e.getMessage())));
        }
        if (rows.isEmpty() && violations.isEmpty()) {
            violations.add(new Violation("csv", "EMPTY", "the CSV holds no entry rows"));
        }
        return rows;
    }

    /** One data row; {@code line} is its 1-based line number in the file (the header is line 1). */
    private record Row(int line, Map<String, String> values) {
        String at(String column) {
            return "csv[line " + line + "]." + column;
        }

        String get(String column) {
            String v = values.get(column);
            return v == null || v.isBlank() ? null : v.trim();
        }

        String require(String column, List<Violation> violations) {
            String v = get(column);
            if (v == null) {
                violations.add(new Violation(at(column), "REQUIRED", column + " is required"));
            }
            return v;
        }

        List<String> list(String column) {
            String v = get(column);
            if (v == null) {
                return List.of();
            }
            return Arrays.stream(v.split("[;；]"))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .toList();
        }

        boolean flag(String column, List<Violation> violations) {
            String v = get(column);
            if (v == null) {
                return false;
            }
            switch (v.toLowerCase(Locale.ROOT)) {
                case "true", "1", "y", "yes", "是":
                    return true;
                case "false", "0", "n", "no", "否":
                    return false;
                default:
                    violations.add(
                            new Violation(at(column), "INVALID_FLAG", column + " must be true or false, was " + v));
                    return false;
            }
        }

        Money money(String column, List<Violation> violations) {
            String v = get(column);
            if (v == null) {
                return null;
            }
            try {
                return Money.parse(v);
            } catch (AmountFormatException e) {
                violations.add(new Violation(at(column), "INVALID_AMOUNT", e.getMessage()));
                return null;
            }
        }

        Integer count(String column, List<Violation> violations) {
            String v = get(column);
            if (v == null) {
                return null;
            }
            try {
                int n = Integer.parseInt(v);
                if (n >= 1) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            violations.add(
                    new Violation(at(column), "INVALID_COUNT", column + " must be a whole number ≥ 1, was " + v));
            return null;
        }

        LocalDate date(String column, boolean required, List<Violation> violations) {
            String v = required ? require(column, violations) : get(column);
            if (v == null) {
                return null;
            }
            try {
                return LocalDate.parse(v);
            } catch (DateTimeParseException e) {
                violations.add(new Violation(at(column), "INVALID_DATE", column + " must be YYYY-MM-DD, was " + v));
                return null;
            }
        }
    }
}
