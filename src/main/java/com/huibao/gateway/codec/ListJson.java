package com.huibao.gateway.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.domain.coverage.ListEntry;
import com.huibao.gateway.domain.coverage.ListVersion;
import com.huibao.gateway.domain.coverage.MatchLevel;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads coverage-list versions (elements of {@code lists.json}): one object or an array. */
public final class ListJson {
    private ListJson() {}

    public static List<ListVersion> readAll(JsonNode doc) {
        Fields f = new Fields();
        List<ListVersion> out = new ArrayList<>();
        if (doc.isArray()) {
            for (int i = 0; i < doc.size(); i++) {
                out.add(version(f, doc.get(i), "[" + i + "]."));
            }
        } else {
            out.add(version(f, doc, ""));
        }
        if (!f.ok()) {
            throw InvalidDocumentException.malformed(f.violations);
        }
        return out;
    }

    private static ListVersion version(Fields f, JsonNode v, String at) {
        if (!v.isObject()) {
            f.add(at, "INVALID_TYPE", "a list version must be an object");
            return null;
        }
        String listId = f.text(v, "list_id", at + "list_id", true);
        String version = f.text(v, "version", at + "version", true);
        LocalDate from = f.date(v, "effective_from", at + "effective_from", true);
        LocalDate to = f.date(v, "effective_to", at + "effective_to", false);
        window(f, from, to, at);
        List<ListEntry> entries = new ArrayList<>();
        JsonNode es = f.array(v, "entries", at + "entries", true);
        if (es != null) {
            for (int i = 0; i < es.size(); i++) {
                JsonNode e = es.get(i);
                String p = at + "entries[" + i + "].";
                if (!e.isObject()) {
                    f.add(p, "INVALID_TYPE", "a list entry must be an object");
                    continue;
                }
                // an entry of a list published by generic name may give it as generic_name instead of code
                boolean byName = !e.has("code") && e.has("generic_name");
                String match = f.text(e, "match", p + "match", false);
                entries.add(new ListEntry(
                        code(
                                f,
                                byName
                                        ? f.text(e, "generic_name", p + "generic_name", true)
                                        : f.text(e, "code", p + "code", true),
                                p),
                        byName && match == null ? MatchLevel.GENERIC_NAME : matchLevel(f, match, p),
                        f.text(e, "name", p + "name", false),
                        positive(
                                f,
                                f.money(e, "payment_standard", p + "payment_standard", false),
                                p + "payment_standard"),
                        f.strings(e, "diagnosis_prefixes", p + "diagnosis_prefixes", List.of()),
                        f.strings(e, "hospitals", p + "hospitals", List.of()),
                        f.strings(e, "med_types", p + "med_types", List.of()),
                        f.bool(e, "requires_preapproval", p + "requires_preapproval"),
                        f.date(e, "effective_from", p + "effective_from", false),
                        f.date(e, "effective_to", p + "effective_to", false),
                        positive(f, f.money(e, "annual_cap", p + "annual_cap", false), p + "annual_cap"),
                        positiveCount(f, f.integer(e, "annual_count", p + "annual_count", false), p + "annual_count"),
                        positive(f, f.money(e, "admission_cap", p + "admission_cap", false), p + "admission_cap"),
                        f.strings(e, "institution_sets", p + "institution_sets", List.of())));
            }
        }
        return f.ok() ? new ListVersion(listId, version, from, to, entries) : null;
    }

    static Integer positiveCount(Fields f, Integer n, String at) {
        if (n != null && n < 1) {
            f.add(at, "NOT_POSITIVE", at + " must be ≥ 1");
        }
        return n;
    }

    static void window(Fields f, LocalDate from, LocalDate to, String at) {
        if (from != null && to != null && !from.isBefore(to)) {
            f.add(at + "effective_to", "EMPTY_WINDOW", "effective_to must be after effective_from");
        }
    }

    static String code(Fields f, String code, String at) {
        if (code != null && code.isBlank()) {
            f.add(at + "code", "REQUIRED", "code must not be blank");
        }
        return code;
    }

    static MatchLevel matchLevel(Fields f, String match, String at) {
        if (match == null) {
            return MatchLevel.EXACT;
        }
        try {
            return MatchLevel.valueOf(match.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            f.add(at + "match", "INVALID_MATCH", "match must be exact, prefix or generic_name, was " + match);
            return MatchLevel.EXACT;
        }
    }

    /** A payment standard or cap, when given, must be > 0. */
    static Money positive(Fields f, Money m, String at) {
        if (m != null && !m.isPositive()) {
            f.add(at, "NOT_POSITIVE", at + " must be > 0");
        }
        return m;
    }

    /** The JSON document form (one element of lists.json) of a list read from CSV. */
    public static ObjectNode document(ListVersion v) {
        ObjectNode o = Json.object()
                .put("list_id", v.listId())
                .put("version", v.version())
                .put("effective_from", v.effectiveFrom().toString())
                .put(
                        "effective_to",
                        v.effectiveTo() == null ? null : v.effectiveTo().toString());
        ArrayNode entries = o.putArray("entries");
        for (ListEntry e : v.entries()) {
            ObjectNode n = entries.addObject()
                    .put("code", e.code())
                    .put("match", e.match().name().toLowerCase())
                    .put("name", e.name());
            if (e.paymentStandard() != null) {
                n.put("payment_standard", e.paymentStandard().toString());
            }
            strings(n, "diagnosis_prefixes", e.diagnosisPrefixes());
            strings(n, "hospitals", e.hospitals());
            strings(n, "med_types", e.medTypes());
            strings(n, "institution_sets", e.institutionSets());
            if (e.requiresPreapproval()) {
                n.put("requires_preapproval", true);
            }
            if (e.effectiveFrom() != null) {
                n.put("effective_from", e.effectiveFrom().toString());
            }
            if (e.effectiveTo() != null) {
                n.put("effective_to", e.effectiveTo().toString());
            }
            if (e.annualCap() != null) {
                n.put("annual_cap", e.annualCap().toString());
            }
            if (e.annualCount() != null) {
                n.put("annual_count", e.annualCount());
            }
            if (e.admissionCap() != null) {
                n.put("admission_cap", e.admissionCap().toString());
            }
        }
        return o;
    }

    private static void strings(ObjectNode n, String field, List<String> values) {
        if (!values.isEmpty()) {
            ArrayNode a = n.putArray(field);
            values.forEach(a::add);
        }
    }
}
