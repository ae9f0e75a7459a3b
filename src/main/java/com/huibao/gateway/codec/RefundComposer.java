package com.huibao.gateway.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.domain.money.AmountFormatException;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import com.huibao.gateway.domain.validation.Violation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A settlement net of its partial refunds (退费), as one document in the original's spelling: each refund's
 * {@code feedetail} lines (negative, {@code init_feedetl_sn} naming the refunded line) appended to the original's,
 * and each amount of the refund's {@code setlinfo} (the basic insurance's refund: negative amounts) added to the
 * original header's amount of the same name. The reader then nets the lines and checks every identity, so a refund
 * larger than its line, or header amounts that no longer add up, is refused naming the field.
 */
final class RefundComposer {
    private RefundComposer() {}

    /**
     * @param original the settlement as stored (flat, national bundle or receipt already made flat)
     * @param refunds the refund documents in the order they were made: {@code {"setlinfo": {…}, "feedetail": […]}}
     */
    static JsonNode compose(JsonNode original, List<JsonNode> refunds) {
        ObjectNode net = original.deepCopy();
        SettlementReader.Message m = new SettlementReader.Message(net, SettlementReader.isNational(net));
        JsonNode header = m.section("setlinfo");
        JsonNode lines = m.section("feedetail");
        if (!(header instanceof ObjectNode h) || !(lines instanceof ArrayNode l)) {
            throw InvalidDocumentException.inconsistent(List.of(new Violation(
                    "feedetail", "NOT_REFUNDABLE", "the stored settlement has no fee lines to refund against")));
        }
        for (int r = 0; r < refunds.size(); r++) {
            JsonNode refund = refunds.get(r);
            refund.path("feedetail").forEach(line -> l.add(line.deepCopy()));
            List<Violation> violations = new ArrayList<>();
            Iterator<Map.Entry<String, JsonNode>> amounts =
                    refund.path("setlinfo").fields();
            while (amounts.hasNext()) {
                Map.Entry<String, JsonNode> a = amounts.next();
                JsonNode was = h.get(a.getKey());
                String field = "setlinfo." + a.getKey();
                Money delta;
                try {
                    delta = Money.parse(a.getValue().asText());
                } catch (AmountFormatException e) {
                    violations.add(new Violation(field, "INVALID_AMOUNT", field + " must be an amount"));
                    continue;
                }
                if (delta.signum() > 0) {
                    violations.add(new Violation(field, "REFUND_NOT_NEGATIVE", field + " of a refund is ≤ 0"));
                    continue;
                }
                if (was == null || was.isNull() || was.asText().isBlank()) {
                    continue; // derived by the reader from the amounts it rests on
                }
                try {
                    h.put(a.getKey(), Money.parse(was.asText()).plus(delta).toString());
                } catch (AmountFormatException e) {
                    violations.add(new Violation(field, "INVALID_AMOUNT", "the stored " + field + " is not an amount"));
                }
            }
            if (!violations.isEmpty()) {
                throw InvalidDocumentException.inconsistent(violations);
            }
        }
        return net;
    }
}
