package com.huibao.gateway.boot.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Flat key → value view of {@code config/application.yaml} with environment overrides applied: key {@code a.b_c}
 * is overridden by {@code GATEWAY_A_B_C}. Typed getters record every problem so that start-up lists them all.
 */
public final class Settings {
    private final Map<String, String> values;
    private final List<String> errors = new ArrayList<>();

    private Settings(Map<String, String> values) {
        this.values = values;
    }

    /** Reads the YAML file, then applies {@code env} (normally {@link System#getenv()}) over the keys it defines. */
    public static Settings load(Path yaml, Map<String, String> env) throws IOException {
        Map<String, String> flat = new LinkedHashMap<>();
        flatten("", new YAMLMapper().readTree(Files.readAllBytes(yaml)), flat);
        for (String key : List.copyOf(flat.keySet())) {
            String override = env.get(envName(key));
            if (override != null) {
                flat.put(key, override);
            }
        }
        return new Settings(flat);
    }

    public static String envName(String key) {
        return "GATEWAY_" + key.replace('.', '_').toUpperCase(Locale.ROOT);
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else {
            out.put(prefix, node.isNull() ? "" : node.asText());
        }
    }

    public String string(String key) {
        String v = values.get(key);
        if (v == null) {
            errors.add(key + " (" + envName(key) + ") is not defined in application.yaml");
            return "";
        }
        return v.trim();
    }

    public int integer(String key, int min, int max) {
        String v = string(key);
        try {
            int i = Integer.parseInt(v);
            if (i < min || i > max) {
                errors.add(key + " (" + envName(key) + ") must be within [" + min + ", " + max + "], was " + v);
            }
            return i;
        } catch (NumberFormatException e) {
            errors.add(key + " (" + envName(key) + ") must be an integer, was '" + v + "'");
            return min;
        }
    }

    public boolean bool(String key) {
        String v = string(key).toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            errors.add(key + " (" + envName(key) + ") must be true or false, was '" + v + "'");
        }
        return v.equals("true");
    }

    public void error(String message) {
        errors.add(message);
    }

    public List<String> errors() {
        return List.copyOf(errors);
    }
}
