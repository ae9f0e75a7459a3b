package com.huibao.gateway.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.support.Examples;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The fuzzer's family of national-message mutations: the Accept bundles of {@code examples/national} (under the demo
 * hospital's code and a fresh {@code setl_id}) with a field dropped, sent as {@code ""} or {@code null}, a number
 * sent as a string, a refund line added (sometimes refunding more than the line had, or a line that is not there),
 * an unknown fund type added to {@code setldetail}, or a message part sent alone. Every one must be answered 2xx or
 * 4xx, never 5xx, and change nothing when refused.
 */
final class NationalMutations {
    private static final List<String> BUNDLES = List.of(
            "bundle-2304-hospital-part.json",
            "bundle-2207-refund-lines.json",
            "bundle-commercial-fund-in-setldetail.json",
            "bundle-hainan-regional.json");
    private static final List<String> PARTS = List.of(
            "2206-hebei-outpatient-presettlement-output.json",
            "2207-hebei-outpatient-settlement-output.json",
            "2208-hebei-outpatient-settlement-reversal-output.json",
            "2303-chongqing-inpatient-presettlement-output.json",
            "2305-chongqing-inpatient-settlement-reversal-output.json",
            "5261-hainan-settlement-query-output.json",
            "5262-hainan-settlement-query-output.json",
            "2301-chongqing-inpatient-fee-upload-output.json");

    private final Random random;

    NationalMutations(Random random) {
        this.random = random;
    }

    Fuzzer.Case next(int sequence) {
        String setl = "N-FUZZ-" + sequence;
        ObjectNode doc = (ObjectNode) Examples.json("national/" + BUNDLES.get(random.nextInt(BUNDLES.size())));
        doc.put("fixmedins_code", "H31010100001");
        ((ObjectNode) doc.get("setlinfo")).put("setl_id", setl);
        String kind;
        switch (random.nextInt(8)) {
            case 0 -> kind = "drop " + alter(doc, null);
            case 1 -> kind = "blank " + alter(doc, JsonNodeFactory.instance.textNode(""));
            case 2 -> kind = "null " + alter(doc, JsonNodeFactory.instance.nullNode());
            case 3 -> kind = "number as string " + numberAsString(doc);
            case 4 -> kind = "refund line " + refund(doc);
            case 5 -> kind = "unknown fund type " + fund(doc);
            case 6 -> {
                doc = (ObjectNode) Examples.json("national/" + PARTS.get(random.nextInt(PARTS.size())));
                kind = "message part alone";
            }
            default -> {
                kind = "region " + doc.path("insuplc_admdvs").asText() + " → another";
                doc.put(
                        "insuplc_admdvs",
                        random.nextBoolean() ? "469000" : String.valueOf(100000 + random.nextInt(800000)));
            }
        }
        return switch (random.nextInt(3)) {
            case 0 ->
                new Fuzzer.Case(
                        "national preview:" + kind,
                        "POST",
                        "/v1/direct-settlements/preview",
                        "demo-hospital",
                        Json.bytes(doc),
                        "application/json");
            case 1 ->
                new Fuzzer.Case(
                        "national confirm:" + kind,
                        "PUT",
                        "/v1/direct-settlements/" + setl,
                        "demo-hospital",
                        Json.bytes(doc),
                        "application/json");
            default ->
                new Fuzzer.Case(
                        "national intake:" + kind,
                        "POST",
                        "/v1/settlements",
                        "demo-datafeed",
                        Json.bytes(doc),
                        "application/json");
        };
    }

    /** Replaces (or with null, removes) one member somewhere in the bundle; says which. */
    private String alter(ObjectNode doc, JsonNode value) {
        List<Object[]> slots = new ArrayList<>();
        members(doc, slots);
        Object[] slot = slots.get(random.nextInt(slots.size()));
        if (value == null) {
            ((ObjectNode) slot[0]).remove((String) slot[1]);
        } else {
            ((ObjectNode) slot[0]).set((String) slot[1], value);
        }
        return (String) slot[1];
    }

    private String numberAsString(ObjectNode doc) {
        List<Object[]> slots = new ArrayList<>();
        members(doc, slots);
        for (int tries = 0; tries < 20; tries++) {
            Object[] slot = slots.get(random.nextInt(slots.size()));
            JsonNode v = ((ObjectNode) slot[0]).get((String) slot[1]);
            if (v.isNumber()) {
                ((ObjectNode) slot[0]).put((String) slot[1], v.decimalValue().toPlainString());
                return (String) slot[1];
            }
        }
        return "none";
    }

    /** A refund line for a random line: its share, all of it, more than all of it, or of a line not there. */
    private String refund(ObjectNode doc) {
        ArrayNode lines = (ArrayNode) doc.get("feedetail");
        ObjectNode original = (ObjectNode) lines.get(random.nextInt(lines.size()));
        ObjectNode r = original.deepCopy();
        BigDecimal share = switch (random.nextInt(4)) {
            case 0 -> new BigDecimal("0.5");
            case 1 -> BigDecimal.ONE;
            case 2 -> new BigDecimal("2");
            default -> new BigDecimal("0.25");
        };
        for (String amount : List.of(
                "cnt", "det_item_fee_sumamt", "fulamt_ownpay_amt", "overlmt_amt", "preselfpay_amt", "inscp_scp_amt")) {
            if (r.get(amount).isNumber()) {
                r.put(
                        amount,
                        r.get(amount).decimalValue().multiply(share).negate().setScale(2, RoundingMode.DOWN));
            }
        }
        r.put("feedetl_sn", "RF" + random.nextInt(10_000));
        r.put(
                "init_feedetl_sn",
                random.nextInt(6) == 0
                        ? "NO-SUCH-LINE"
                        : original.get("feedetl_sn").asText());
        lines.add(r);
        return share.toPlainString();
    }

    private String fund(ObjectNode doc) {
        ArrayNode rows = doc.has("setldetail") ? (ArrayNode) doc.get("setldetail") : doc.putArray("setldetail");
        String type = String.valueOf(100000 + random.nextInt(900000));
        rows.addObject().put("fund_pay_type", type).put("fund_payamt", random.nextInt(100_000) / 100.0);
        return type;
    }

    private static void members(JsonNode node, List<Object[]> out) {
        if (node instanceof ObjectNode o) {
            o.fieldNames().forEachRemaining(name -> {
                out.add(new Object[] {o, name});
                members(o.get(name), out);
            });
        } else if (node instanceof ArrayNode a) {
            a.forEach(e -> members(e, out));
        }
    }
}
