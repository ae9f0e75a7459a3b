package com.huibao.gateway.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.huibao.gateway.domain.money.AmountFormatException;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.validation.Violation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads typed fields out of a JSON object and collects every problem as a {@link Violation} naming the field's
 * path, so that one pass reports all of a document's errors. Getters return null after recording a violation.
 */
final class Fields {
    private static final DateTimeFormatter NATIONAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    final List<Violation> violations = new ArrayList<>();

    JsonNode object(JsonNode parent, String name, String path) {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) {
            required(path);
            return null;
        }
        if (!n.isObject()) {
            violations.add(new Violation(path, "INVALID_TYPE", path + " must be an object"));
            return null;
        }
        return n;
    }

    JsonNode array(JsonNode parent, String name, String path, boolean required) {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) {
            if (required) {
                required(path);
            }
            return null;
        }
        if (!n.isArray()) {
            violations.add(new Violation(path, "INVALID_TYPE", path + " must be an array"));
            return null;
        }
        return n;
    }

    /** A string; numbers are accepted as their text (national systems send codes either way). */
    String text(JsonNode parent, String name, String path, boolean required) {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) {
            if (required) {
                required(path);
            }
            return null;
        }
        if (n.isTextual()) {
            if (required && n.asText().isEmpty()) {
                required(path);
                return null;
            }
            return n.asText();
        }
        if (n.isIntegralNumber()) {
            return n.asText();
        }
        violations.add(new Violation(path, "INVALID_TYPE", path + " must be a string"));
        return null;
    }

    /** A CNY amount, as a JSON number or a decimal string, with at most 2 decimals. */
    Money money(JsonNode parent, String name, String path, boolean required) {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) {
            if (required) {
                required(path);
            }
            return null;
        }
        try {
            if (n.isNumber()) {
                return Money.of(n.decimalValue());
            }
            if (n.isTextual()) {
                return Money.parse(n.asText().trim());
            }
        } catch (AmountFormatException e) {
            violations.add(new Violation(path, "INVALID_AMOUNT", path + ": " + e.getMessage()));
            return null;
        }
        violations.add(new Violation(path, "INVALID_TYPE", path + " must be a decimal amount (number or string)"));
        return null;
    }

    /** A decimal (ratio, count, price), as a JSON number or a decimal string. */
    BigDecimal decimal(JsonNode parent, String name, String path, boolean required) {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) {
            if (required) {
                required(path);
            }
            return null;
        }
        if (n.isNumber()) {
            return n.decimalValue();
        }
        if (n.isTextual()) {
            try {
                return new BigDecimal(n.asText().trim());
            } catch (NumberFormatException e) {
                violations.add(new Violation(path, "INVALID_DECIMAL", path + " is not a decimal: " + n.asText()));
                return null;
            }
        }
        violations.add(new Violation(path, "INVALID_TYPE", path + " must be a decimal (number or string)"));
        return null;
    }

    Integer integer(JsonNode parent, String name, String path, boolean required) {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) {
            if (required) {
                required(path);
            }
            return null;
        }
        if (n.isIntegralNumber() && n.canConvertToInt()) {
            return n.intValue();
        }
        violations.add(new Violation(path, "INVALID_TYPE", path + " must be an integer"));
        return null;
    }

    boolean bool(JsonNode parent, String name, String path) {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) {
            return false;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        violations.add(new Violation(path, "INVALID_TYPE", path + " must be true or false"));
        return false;
    }

    /** true, false, or null when absent. */
    Boolean optionalBool(JsonNode parent, String name, String path) {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        violations.add(new Violation(path, "INVALID_TYPE", path + " must be true or false"));
        return null;
    }

    LocalDate date(JsonNode parent, String name, String path, boolean required) {
        String s = text(parent, name, path, required);
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            violations.add(new Violation(path, "INVALID_DATE", path + " must be a date YYYY-MM-DD, was " + s));
            return null;
        }
    }

    /** {@code yyyy-MM-dd HH:mm:ss} as the national platform sends it, or ISO {@code yyyy-MM-ddTHH:mm:ss}. */
    LocalDateTime dateTime(JsonNode parent, String name, String path) {
        String s = text(parent, name, path, true);
        if (s == null) {
            return null;
        }
        try {
            return s.indexOf('T') > 0 ? LocalDateTime.parse(s) : LocalDateTime.parse(s, NATIONAL_TIME);
        } catch (DateTimeParseException e) {
            violations.add(new Violation(path, "INVALID_DATE_TIME", path + " must be yyyy-MM-dd HH:mm:ss, was " + s));
            return null;
        }
    }

    /** An array of strings; absent or null gives {@code absent}. */
    List<String> strings(JsonNode parent, String name, String path, List<String> absent) {
        JsonNode n = parent.get(name);
        if (n == null || n.isNull()) {
            return absent;
        }
        if (!n.isArray()) {
            violations.add(new Violation(path, "INVALID_TYPE", path + " must be an array of strings"));
            return absent;
        }
        List<String> out = new ArrayList<>(n.size());
        for (int i = 0; i < n.size(); i++) {
            JsonNode e = n.get(i);
            if (e.isTextual() || e.isIntegralNumber()) {
                out.add(e.asText());
            } else {
                violations.add(
                        new Violation(path + "[" + i + "]", "INVALID_TYPE", path + "[" + i + "] must be a string"));
            }
        }
        return out;
    }

    /** An enum constant named case-insensitively ({@code in_list} → IN_LIST); null when absent or unknown. */
    static <E extends Enum<E>> E enumValue(Fields f, String text, Class<E> type, String path) {
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder allowed = new StringBuilder();
            for (E c : type.getEnumConstants()) {
                allowed.append(allowed.length() == 0 ? "" : ", ")
                        .append(c.name().toLowerCase(Locale.ROOT));
            }
            f.add(path, "INVALID_VALUE", path + " must be one of " + allowed + ", was " + text);
            return null;
        }
    }

    /** A set of enum constants from strings; null stays null (= any). */
    static <E extends Enum<E>> Set<E> enumSet(Fields f, List<String> texts, Class<E> type, String path) {
        if (texts == null) {
            return null;
        }
        Set<E> out = EnumSet.noneOf(type);
        for (int i = 0; i < texts.size(); i++) {
            E e = enumValue(f, texts.get(i), type, path + "[" + i + "]");
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    void add(String path, String code, String detail) {
        violations.add(new Violation(path, code, detail));
    }

    private void required(String path) {
        violations.add(new Violation(path, "REQUIRED", path + " is required"));
    }

    /** Whether a violation names this path already (then nothing is derived in its place). */
    boolean has(String path) {
        for (Violation v : violations) {
            if (v.field().equals(path)) {
                return true;
            }
        }
        return false;
    }

    boolean ok() {
        return violations.isEmpty();
    }
}
