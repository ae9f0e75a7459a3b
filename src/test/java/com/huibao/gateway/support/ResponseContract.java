package com.huibao.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.huibao.gateway.codec.Json;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Every response the HTTP tests receive, checked against {@code contracts/openapi.yaml} as written: the status is one
 * the operation declares, each of the gateway's own headers ({@code Huibao-*}, {@code X-Request-Id},
 * {@code Retry-After}, {@code ETag}, {@code Cache-Control}) is declared on that response and each required one is
 * there, the media type is declared, and a JSON body is valid against its schema (JSON Schema 2020-12, the same
 * validator as the request side). Response schemas are strict ({@code unevaluatedProperties: false}), so a member
 * the contract does not name is a violation. {@link TestGateway} applies it to every exchange.
 */
public final class ResponseContract {
    private static final String URI = "https://huibao.dev/contracts/openapi.json";
    /** Headers the gateway itself sets; each must be declared where it appears. */
    static final Set<String> OWN_HEADERS =
            Set.of("huibao-signature", "x-request-id", "retry-after", "etag", "cache-control", "huibao-statement-sm3");

    private static final ResponseContract INSTANCE = new ResponseContract(Path.of("contracts/openapi.yaml"));

    /** One operation of the contract and the pattern of its path. */
    private record Operation(String id, String method, Pattern path, int templated, JsonNode node) {}

    private final JsonNode contract;
    private final List<Operation> operations = new ArrayList<>();
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .formatAssertionsEnabled(true)
            .build();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
    /** "operationId status media" → where its schema's copy is. */
    private final Map<String, String> locations = new HashMap<>();

    private ResponseContract(Path file) {
        try {
            this.contract = new YAMLMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // every response schema is also placed under x-responses/<operationId>/<status>/<n>: a plain pointer, its $refs
        // resolved in the document
        ObjectNode doc = contract.deepCopy();
        ObjectNode copies = doc.putObject("x-responses");
        Iterator<Map.Entry<String, JsonNode>> paths = contract.path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> p = paths.next();
            String template = p.getKey();
            int templated = template.split("\\{", -1).length - 1;
            Pattern pattern = Pattern.compile(
                    "^" + template.replaceAll("\\{[^}]+}", "[^/]+").replace(".", "\\.") + "/?$");
            p.getValue().fields().forEachRemaining(m -> {
                if (!m.getValue().has("operationId")) {
                    return;
                }
                String id = m.getValue().get("operationId").asText();
                operations.add(
                        new Operation(id, m.getKey().toUpperCase(Locale.ROOT), pattern, templated, m.getValue()));
                ObjectNode mine = copies.putObject(id);
                m.getValue().path("responses").fields().forEachRemaining(r -> {
                    ObjectNode byMedia = mine.putObject(r.getKey());
                    int n = 0;
                    Iterator<Map.Entry<String, JsonNode>> media =
                            resolve(r.getValue()).path("content").fields();
                    while (media.hasNext()) {
                        Map.Entry<String, JsonNode> e = media.next();
                        if (e.getValue().has("schema")) {
                            byMedia.set(String.valueOf(n), e.getValue().get("schema"));
                            locations.put(
                                    id + " " + r.getKey() + " " + e.getKey(),
                                    URI + "#/x-responses/" + id + "/" + r.getKey() + "/" + n);
                        }
                        n++;
                    }
                });
            });
        }
        this.factory = JsonSchemaFactory.getInstance(
                SpecVersion.VersionFlag.V202012, b -> b.schemaLoaders(l -> l.schemas(Map.of(URI, doc.toString()))));
    }

    public static ResponseContract get() {
        return INSTANCE;
    }

    /** The operation a request goes to, as the router matches it (literal paths before templated ones). */
    public Optional<String> operationId(String method, String path) {
        return find(method, path).map(Operation::id);
    }

    private Optional<Operation> find(String method, String path) {
        return operations.stream()
                .filter(o -> o.method().equals(method) && o.path().matcher(path).matches())
                .min(Comparator.comparingInt(Operation::templated));
    }

    /** What in this exchange the contract does not say; empty when it is the whole truth. */
    public List<String> violations(String method, String path, HttpResponse<String> response) {
        Optional<Operation> found = find(method, path);
        if (found.isEmpty()) {
            return List.of(); // not an operation of the contract (the router's own 404/405, the H5 page's files)
        }
        Operation op = found.get();
        String where = op.id() + " " + response.statusCode();
        JsonNode declared = declaredResponse(op.node(), response.statusCode());
        if (declared == null) {
            return List.of(where + ": status not declared");
        }
        List<String> out = new ArrayList<>();
        JsonNode headers = declared.path("headers");
        for (String name : response.headers().map().keySet()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (OWN_HEADERS.contains(lower) && declaredHeader(headers, lower) == null) {
                out.add(where + ": header " + name + " not declared");
            }
        }
        headers.fields().forEachRemaining(h -> {
            if (resolve(h.getValue()).path("required").asBoolean(false)
                    && response.headers().firstValue(h.getKey()).isEmpty()) {
                out.add(where + ": required header " + h.getKey() + " missing");
            }
        });
        String body = response.body();
        if (body == null
                || body.isEmpty()
                || response.headers().firstValue("Content-Encoding").isPresent()) {
            return out;
        }
        String media = response.headers()
                .firstValue("Content-Type")
                .orElse("")
                .split(";")[0]
                .trim()
                .toLowerCase(Locale.ROOT);
        JsonNode content = declared.path("content");
        if (!content.has(media)) {
            out.add(where + ": media type " + media + " not declared");
            return out;
        }
        if (media.endsWith("json")) {
            String location = locations.get(op.id() + " " + key(op.node(), response.statusCode()) + " " + media);
            if (location == null) {
                return out; // a JSON media type declared without a schema
            }
            JsonSchema schema = schemas.computeIfAbsent(location, this::compile);
            JsonNode tree;
            try {
                tree = Json.parse(body);
            } catch (RuntimeException e) {
                out.add(where + ": body is not JSON");
                return out;
            }
            for (ValidationMessage m : schema.validate(tree)) {
                out.add(where + ": " + m.getInstanceLocation() + " " + m.getMessage());
            }
        }
        return out;
    }

    /** What in a webhook body the contract's {@code Event} (and its type's payload) does not say. */
    public List<String> eventViolations(String body) {
        JsonSchema schema = schemas.computeIfAbsent(URI + "#/components/schemas/Event", this::compile);
        List<String> out = new ArrayList<>();
        for (ValidationMessage m : schema.validate(Json.parse(body))) {
            out.add(m.getInstanceLocation() + " " + m.getMessage());
        }
        return out;
    }

    private JsonNode declaredResponse(JsonNode op, int status) {
        JsonNode responses = op.path("responses");
        JsonNode r = responses.get(String.valueOf(status));
        if (r == null) {
            r = responses.get(status / 100 + "XX");
        }
        if (r == null) {
            r = responses.get("default");
        }
        return r == null ? null : resolve(r);
    }

    private JsonNode declaredHeader(JsonNode headers, String lower) {
        Iterator<String> names = headers.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (n.toLowerCase(Locale.ROOT).equals(lower)) {
                return headers.get(n);
            }
        }
        return null;
    }

    private static String key(JsonNode op, int status) {
        JsonNode responses = op.path("responses");
        return responses.has(String.valueOf(status))
                ? String.valueOf(status)
                : responses.has(status / 100 + "XX") ? status / 100 + "XX" : "default";
    }

    private JsonSchema compile(String location) {
        JsonSchema schema = factory.getSchema(SchemaLocation.of(location), config);
        schema.initializeValidators();
        return schema;
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode ref = node.path("$ref");
        return ref.isTextual() && ref.asText().startsWith("#/")
                ? contract.at(ref.asText().substring(1))
                : node;
    }
}
