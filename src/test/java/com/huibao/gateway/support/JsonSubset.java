package com.huibao.gateway.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Asserts that every field of {@code expected} is in {@code actual} with the same value (extra fields in actual are
 * allowed; arrays must have the same length and match element by element).
 */
public final class JsonSubset {
    private JsonSubset() {}

    public static void assertSubset(JsonNode expected, JsonNode actual) {
        check(expected, actual, "$");
    }

    private static void check(JsonNode expected, JsonNode actual, String path) {
        assertThat(actual).as(path + " is missing").isNotNull();
        if (expected.isObject()) {
            assertThat(actual.isObject())
                    .as(path + " should be an object: " + actual)
                    .isTrue();
            Iterator<Map.Entry<String, JsonNode>> it = expected.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode a = actual.get(e.getKey());
                if (e.getValue().isNull()) {
                    assertThat(a == null || a.isNull())
                            .as(path + "." + e.getKey() + " should be null but was " + a)
                            .isTrue();
                } else {
                    check(e.getValue(), a, path + "." + e.getKey());
                }
            }
            if (expected.isEmpty()) {
                assertThat(actual.size())
                        .as(path + " should be empty: " + actual)
                        .isZero();
            }
        } else if (expected.isArray()) {
            assertThat(actual.isArray()).as(path + " should be an array").isTrue();
            assertThat(actual.size()).as(path + " length").isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                check(expected.get(i), actual.get(i), path + "[" + i + "]");
            }
        } else {
            assertThat(actual.asText()).as(path).isEqualTo(expected.asText());
        }
    }
}
