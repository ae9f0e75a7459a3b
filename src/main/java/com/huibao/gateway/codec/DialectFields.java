package com.huibao.gateway.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.huibao.gateway.domain.money.AmountFormatException;
import com.huibao.gateway.domain.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Reads the fields of one section of a settlement message as its region's {@link Dialect} spells them: the
 * national name, else its aliases in order; {@code ""} and {@code null} read as the profile says (absent, or zero
 * for amounts); numbers accepted as strings and codes as numbers; times in the profile's forms. Problems are
 * collected in {@link Fields} naming the national field's path: {@code at} (the section's path and a dot, {@code
 * feedetail[3].}) and the field's name, joined only when there is a problem to name.
 */
final class DialectFields {
    private final Fields f;
    private final Dialect d;

    DialectFields(Fields f, Dialect d) {
        this.f = f;
        this.d = d;
    }

    Dialect dialect() {
        return d;
    }

    Fields fields() {
        return f;
    }

    /** The first value of the field or an alias that is neither missing, null nor blank; null when none is. */
    private JsonNode value(JsonNode node, String section, String field) {
        JsonNode v = node.get(field);
        if (present(v)) {
            return v;
        }
        for (String alias : d.aliasesOf(section, field)) {
            JsonNode a = node.get(alias);
            if (present(a)) {
                return a;
            }
        }
        return null;
    }

    private static boolean present(JsonNode v) {
        return v != null && !v.isNull() && !(v.isTextual() && v.asText().isBlank());
    }

    /** Whether the field or an alias is sent as {@code null} / {@code ""} (when no value is). */
    private boolean sentAs(JsonNode node, String section, String field, boolean blank) {
        if (sentAs(node.get(field), blank)) {
            return true;
        }
        for (String alias : d.aliasesOf(section, field)) {
            if (sentAs(node.get(alias), blank)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sentAs(JsonNode v, boolean blank) {
        return v != null && (blank ? v.isTextual() && v.asText().isBlank() : v.isNull());
    }

    String text(JsonNode node, String section, String field, String at, boolean required) {
        JsonNode v = value(node, section, field);
        if (v == null) {
            if (required) {
                f.add(at + field, "REQUIRED", at + field + " is required");
            }
            return null;
        }
        if (v.isTextual()) {
            return v.asText().trim();
        }
        if (v.isIntegralNumber()) {
            return v.asText();
        }
        f.add(at + field, "INVALID_TYPE", at + field + " must be a string");
        return null;
    }

    /**
     * A CNY amount (number or decimal string, at most 2 decimals); {@code ""}/{@code null} as the profile reads them;
     * null when absent (and then REQUIRED when required).
     */
    Money amount(JsonNode node, String section, String field, String at, boolean required) {
        JsonNode v = value(node, section, field);
        if (v == null) {
            if (sentAs(node, section, field, false) && d.nullIsZero(field)
                    || sentAs(node, section, field, true) && d.blankIsZero(field)) {
                return Money.ZERO;
            }
            if (required) {
                f.add(
                        at + field,
                        "REQUIRED",
                        at + field + " is required"
                                + (sentAs(node, section, field, true) || sentAs(node, section, field, false)
                                        ? " (sent empty, which this region's profile reads as absent)"
                                        : ""));
            }
            return null;
        }
        try {
            if (v.isNumber()) {
                return Money.of(v.decimalValue());
            }
            if (v.isTextual()) {
                return Money.parse(v.asText().trim());
            }
        } catch (AmountFormatException e) {
            f.add(at + field, "INVALID_AMOUNT", at + field + ": " + e.getMessage());
            return null;
        }
        f.add(at + field, "INVALID_TYPE", at + field + " must be a decimal amount (number or string)");
        return null;
    }

    BigDecimal decimal(JsonNode node, String section, String field, String at, boolean required) {
        JsonNode v = value(node, section, field);
        if (v == null) {
            if (required) {
                f.add(at + field, "REQUIRED", at + field + " is required");
            }
            return null;
        }
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isTextual()) {
            try {
                return new BigDecimal(v.asText().trim());
            } catch (NumberFormatException e) {
                f.add(at + field, "INVALID_DECIMAL", at + field + " is not a decimal: " + v.asText());
                return null;
            }
        }
        f.add(at + field, "INVALID_TYPE", at + field + " must be a decimal (number or string)");
        return null;
    }

    LocalDateTime dateTime(JsonNode node, String section, String field, String at, boolean required) {
        String s = text(node, section, field, at, required);
        if (s == null) {
            return null;
        }
        LocalDateTime t = NationalTime.dateTime(s, d.dateTimeFormats());
        if (t == null) {
            f.add(
                    at + field,
                    "INVALID_DATE_TIME",
                    at + field + " must be a date-time such as yyyy-MM-dd HH:mm:ss (forms of profile " + d.name()
                            + "), was " + s);
        }
        return t;
    }

    LocalDate date(JsonNode node, String section, String field, String at) {
        String s = text(node, section, field, at, false);
        if (s == null) {
            return null;
        }
        LocalDate t = NationalTime.date(s, d.dateFormats(), d.dateTimeFormats());
        if (t == null) {
            f.add(at + field, "INVALID_DATE", at + field + " must be a date such as yyyy-MM-dd, was " + s);
        }
        return t;
    }

    /** The first non-blank text among these members of a node (no aliases), or null. */
    static String firstText(JsonNode node, List<String> names) {
        if (node == null) {
            return null;
        }
        for (String name : names) {
            JsonNode v = node.get(name);
            if (present(v) && (v.isTextual() || v.isIntegralNumber())) {
                return v.asText().trim();
            }
        }
        return null;
    }
}
