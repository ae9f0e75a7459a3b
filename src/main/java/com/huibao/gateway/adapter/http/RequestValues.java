package com.huibao.gateway.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.huibao.gateway.domain.money.AmountFormatException;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import com.huibao.gateway.domain.validation.Violation;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Amounts and dates read from a request, each failure a 400 naming its field. */
final class RequestValues {
    private RequestValues() {}

    /** The amount at {@code name}, null when absent. */
    static Money optionalMoney(JsonNode n, String name, String field) {
        return n.hasNonNull(name) ? money(n, name, field) : null;
    }

    static Money money(JsonNode n, String name, String field) {
        try {
            return Money.parse(n.path(name).asText());
        } catch (AmountFormatException e) {
            throw InvalidDocumentException.malformed(
                    List.of(new Violation(field, "INVALID_AMOUNT", "an amount in yuan with two decimals")));
        }
    }

    static LocalDate date(String text, String field) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException | NullPointerException e) {
            throw InvalidDocumentException.malformed(
                    List.of(new Violation(field, "INVALID_DATE", field + " must be yyyy-MM-dd")));
        }
    }
}
