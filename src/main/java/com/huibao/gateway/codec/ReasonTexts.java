package com.huibao.gateway.codec;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The sentence a person reads for a reason code (why a part of a bill was not paid, why a policy paid nothing), in
 * Chinese, from the one text file the patient's page uses too ({@code webroot/app/zh-CN.json}).
 */
public final class ReasonTexts {
    static final String RESOURCE = "webroot/app/zh-CN.json";
    private static final Map<String, String> REASONS = load();
    private static final Map<String, SerializableString> ENCODED = encode(REASONS);

    private ReasonTexts() {}

    /** The sentence for a code; null for none (a code without a text is a defect the tests look for). */
    public static String of(String code) {
        return code == null ? null : REASONS.get(code);
    }

    /** The sentence for a code, encoded once for the JSON writers; null for none. */
    static SerializableString encoded(String code) {
        return code == null ? null : ENCODED.get(code);
    }

    private static Map<String, SerializableString> encode(Map<String, String> texts) {
        Map<String, SerializableString> out = new HashMap<>();
        texts.forEach((code, text) -> out.put(code, new SerializedString(text)));
        return Map.copyOf(out);
    }

    private static Map<String, String> load() {
        try (InputStream in = ReasonTexts.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            Map<String, String> out = new HashMap<>();
            JsonNode reasons = Json.MAPPER.readTree(in).path("reasons");
            reasons.fields()
                    .forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
            return Map.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
