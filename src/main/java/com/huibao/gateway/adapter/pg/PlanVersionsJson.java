package com.huibao.gateway.adapter.pg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.codec.Json;
import java.util.Map;
import java.util.TreeMap;

/** {@code direct_settlements.plan_versions}: {@code {"plan id": version}}, NULL before they were recorded. */
final class PlanVersionsJson {
    private PlanVersionsJson() {}

    static String write(Map<String, Integer> versions) {
        ObjectNode o = Json.object();
        new TreeMap<>(versions).forEach(o::put);
        return Json.write(o);
    }

    static Map<String, Integer> read(String stored) {
        if (stored == null) {
            return Map.of();
        }
        Map<String, Integer> out = new TreeMap<>();
        JsonNode o = Json.parse(stored);
        o.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().intValue()));
        return out;
    }
}
