package com.huibao.gateway.adapter.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.domain.settlement.Settlement;
import com.huibao.gateway.domain.settlement.SettlementValidator;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import com.huibao.gateway.domain.validation.Violation;
import java.util.List;

/**
 * One line of a settlement history as the pricing lab reads it, the same in both runners: parsed, de-identified
 * before anything else is done with it, read in either spelling and validated as a confirm would be.
 */
final class HistoryReader {
    /**
     * What a line holds: the person's pseudonym (null when it names nobody), the de-identified document and the
     * settlement; or, for a line that is not a valid settlement, the code of its first problem.
     */
    record Line(String person, ObjectNode document, Settlement settlement, String problem) {}

    private final Deidentifier deid;
    private final OfflineReference ref;
    private final SettlementValidator validator;

    HistoryReader(Deidentifier deid, OfflineReference ref) {
        this.deid = deid;
        this.ref = ref;
        this.validator = new SettlementValidator(ref.reader().dialects().validationProfiles());
    }

    Line read(byte[] line) {
        try {
            JsonNode parsed = Json.parse(line);
            if (!(parsed instanceof ObjectNode doc)) {
                return new Line(null, null, null, "MALFORMED");
            }
            String person = deid.apply(doc);
            Settlement s = ref.reader().read(doc, null);
            List<Violation> violations = validator.validate(s);
            if (!violations.isEmpty()) {
                throw InvalidDocumentException.inconsistent(violations);
            }
            return new Line(person, doc, s, null);
        } catch (InvalidDocumentException e) {
            return new Line(
                    null,
                    null,
                    null,
                    e.violations().isEmpty()
                            ? "MALFORMED"
                            : e.violations().get(0).code());
        }
    }
}
