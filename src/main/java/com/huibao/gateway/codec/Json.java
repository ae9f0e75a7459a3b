package com.huibao.gateway.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import com.huibao.gateway.domain.validation.Violation;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The one JSON configuration of the gateway's documents: numbers are read as exact {@link BigDecimal}s
 * (never doubles), duplicate keys and deep nesting are refused.
 *
 * <p>Duplicate keys are found where the tree is built (a second value for a key of an object), not by the parser's
 * set of the names seen in every object: every document becomes a tree, and the tree's own map finds them for
 * nothing (docs/PERFORMANCE.md, issue 28).
 */
public final class Json {
    /** Settlements nest 3 levels; 32 leaves room for stored extra fields while refusing hostile depth. */
    public static final int MAX_DEPTH = 32;

    public static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .build())
                    .build())
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private Json() {}

    /** Parses a document; unreadable JSON is a malformed document whose violation names where reading stopped. */
    public static JsonNode parse(byte[] bytes) {
        try {
            JsonNode node = MAPPER.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw InvalidDocumentException.malformed(
                        List.of(new Violation("", "EMPTY_BODY", "the document is empty")));
            }
            String nul = mayHoldNul(bytes) ? nulAt(node, "") : null;
            if (nul != null) {
                throw InvalidDocumentException.malformed(List.of(
                        new Violation(nul, "NUL_CHARACTER", "text must not contain the NUL character (U+0000)")));
            }
            return node;
        } catch (IOException e) {
            throw InvalidDocumentException.malformed(
                    List.of(new Violation("", "INVALID_JSON", detail(e.getMessage()))));
        }
    }

    /** The first line of the parser's message, without the name of the setting that refused a duplicate key. */
    private static String detail(String message) {
        String first = firstLine(message);
        int setting = first.startsWith("Duplicate field ") ? first.indexOf(" for `ObjectNode`") : -1;
        return setting < 0 ? first : first.substring(0, setting);
    }

    /**
     * Whether the raw text holds the escape {@code \u0000}: the only way U+0000 gets into a parsed string (a raw NUL
     * byte is not valid JSON). Most documents do not, and then the tree need not be walked. The bytes are looked at as
     * Latin-1 text, whose search the JVM does many bytes at a time (a loop over the bytes cost 5 % of a replay).
     */
    private static boolean mayHoldNul(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1).contains("\\u0000");
    }

    /**
     * Where the first U+0000 is (a field name or a text value), as a dotted path, or null. PostgreSQL text cannot hold
     * it, and no field of ours needs it (found by the fuzzer: a 500 from the database).
     */
    private static String nulAt(JsonNode node, String path) {
        if (node.isTextual()) {
            return node.textValue().indexOf('\u0000') >= 0 ? path : null;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                String at = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
                if (f.getKey().indexOf('\u0000') >= 0) {
                    return at;
                }
                String inner = nulAt(f.getValue(), at);
                if (inner != null) {
                    return inner;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String inner = nulAt(node.get(i), path + "[" + i + "]");
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    public static JsonNode parse(String text) {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unreadable JSON";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
