package com.huibao.gateway.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.domain.benefit.Accumulators;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Accumulators in the shape of {@code accumulators-after-1.json}: policy_no → {deductible, paid, total}. */
public final class AccumulatorsJson {
    private AccumulatorsJson() {}

    public static Map<String, Accumulators> readAll(JsonNode doc) {
        Fields f = new Fields();
        Map<String, Accumulators> out = new HashMap<>();
        if (!doc.isObject()) {
            f.add("", "INVALID_TYPE", "accumulators must be an object keyed by policy_no");
            throw InvalidDocumentException.malformed(f.violations);
        }
        Iterator<Map.Entry<String, JsonNode>> it = doc.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), read(f, e.getValue(), e.getKey() + "."));
        }
        if (!f.ok()) {
            throw InvalidDocumentException.malformed(f.violations);
        }
        return out;
    }

    private static Accumulators read(Fields f, JsonNode a, String at) {
        if (!a.isObject()) {
            f.add(at, "INVALID_TYPE", "accumulators of a policy must be an object");
            return Accumulators.EMPTY;
        }
        Money total = f.money(a, "total", at + "total", false);
        Map<String, Long> counts = new LinkedHashMap<>();
        JsonNode c = a.get("counts");
        if (c != null && c.isObject()) {
            c.fieldNames().forEachRemaining(k -> {
                Integer n = f.integer(c, k, at + "counts." + k, true);
                if (n != null) {
                    counts.put(k, n.longValue());
                }
            });
        }
        return new Accumulators(
                amounts(f, a.get("deductible"), at + "deductible."),
                amounts(f, a.get("paid"), at + "paid."),
                total == null ? Money.ZERO : total,
                amounts(f, a.get("limits"), at + "limits."),
                counts);
    }

    private static Map<String, Money> amounts(Fields f, JsonNode node, String at) {
        Map<String, Money> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String k = names.next();
            Money m = f.money(node, k, at + k, true);
            if (m != null) {
                out.put(k, m);
            }
        }
        return out;
    }

    public static ObjectNode write(Accumulators a) {
        return AdjudicationJson.tree(g -> write(a, g));
    }

    // written three times a policy in every answer: names encoded once, as AdjudicationJson's (which has
    // "deductible" and "paid")
    private static final SerializableString TOTAL = new SerializedString("total");
    private static final SerializableString LIMITS = new SerializedString("limits");
    private static final SerializableString COUNTS = new SerializedString("counts");

    /** One policy's accumulators: deductible and paid per key, total, and limits and counts when there are any. */
    static void write(Accumulators a, JsonGenerator g) throws IOException {
        g.writeStartObject();
        AdjudicationJson.moneys(g, AdjudicationJson.DEDUCTIBLE, a.deductible());
        AdjudicationJson.moneys(g, AdjudicationJson.PAID, a.paid());
        AdjudicationJson.money(g, TOTAL, a.total());
        if (!a.limits().isEmpty()) {
            AdjudicationJson.moneys(g, LIMITS, a.limits());
        }
        if (!a.counts().isEmpty()) {
            g.writeFieldName(COUNTS);
            g.writeStartObject();
            for (Map.Entry<String, Long> c : a.counts().entrySet()) {
                g.writeNumberField(c.getKey(), c.getValue());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }
}
