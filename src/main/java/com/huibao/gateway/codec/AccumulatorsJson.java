package com.huibao.gateway.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.domain.benefit.Accumulators;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
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
        ObjectNode o = Json.object();
        ObjectNode d = o.putObject("deductible");
        a.deductible().forEach((k, v) -> d.put(k, v.toString()));
        ObjectNode p = o.putObject("paid");
        a.paid().forEach((k, v) -> p.put(k, v.toString()));
        o.put("total", a.total().toString());
        if (!a.limits().isEmpty()) {
            ObjectNode l = o.putObject("limits");
            a.limits().forEach((k, v) -> l.put(k, v.toString()));
        }
        if (!a.counts().isEmpty()) {
            ObjectNode c = o.putObject("counts");
            a.counts().forEach(c::put);
        }
        return o;
    }
}
