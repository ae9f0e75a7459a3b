package com.huibao.gateway.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.huibao.gateway.codec.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The contract as the documentation page shows it. The contract names its examples by {@code externalValue}, files
 * under {@code contracts/examples} (the worked examples and national bundles, unchanged), so that the YAML stays
 * readable and each example exists once; Swagger UI shows only inline examples, so here each becomes its
 * {@code value}. The router is built from the contract as written; examples do not take part in validation.
 */
final class DocumentedContract {
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .build());

    private DocumentedContract() {}

    /** The contract at {@code resource} with every example file inlined; a missing file stops start-up. */
    static String withExamplesInlined(ClassLoader loader, String resource) {
        String base = resource.substring(0, resource.lastIndexOf('/') + 1);
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the class path");
            }
            JsonNode contract = YAML.readTree(in);
            for (ObjectNode example : examplesByFile(contract)) {
                String file = base + example.get("externalValue").asText();
                try (InputStream value = loader.getResourceAsStream(file)) {
                    if (value == null) {
                        throw new IllegalStateException("the contract names an example that is not there: " + file);
                    }
                    example.set("value", Json.MAPPER.readTree(value));
                    example.remove("externalValue");
                }
            }
            return YAML.writeValueAsString(contract);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every Example Object of the contract that points to a file next to it (not to a URL). */
    static List<ObjectNode> examplesByFile(JsonNode contract) {
        List<ObjectNode> found = new ArrayList<>();
        collect(contract, found);
        return found;
    }

    private static void collect(JsonNode node, List<ObjectNode> found) {
        if (node.isObject()) {
            JsonNode external = node.get("externalValue");
            if (external != null && external.isTextual() && !external.asText().contains("://")) {
                found.add((ObjectNode) node);
                return;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                collect(fields.next().getValue(), found);
            }
        } else if (node.isArray()) {
            node.forEach(n -> collect(n, found));
        }
    }
}
