package com.huibao.gateway.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.huibao.gateway.adapter.json.Json;
import com.huibao.gateway.domain.validation.Violation;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Validates JSON request bodies against the contract's own schemas ({@code requestBody → application/json →
 * schema} of each operation, {@code $ref}s into {@code components} resolved in the contract document), compiled once
 * at start-up with a JSON Schema 2020-12 validator. vertx-openapi 5.0 keeps checking everything else (parameters,
 * media types, JSON syntax, a required body); its schema walk cost 2.8 ms per 30-line settlement against 0.14 ms
 * here (docs/PERFORMANCE.md), so the bodies' schemas are handed to Vert.x as {@code {}} and checked here instead.
 * Violations name the field like every other contract violation ({@code feedetail[2].cnt}, code = the keyword).
 */
public final class BodySchemas {
  static final String CONTRACT_URI = "https://huibao.dev/contracts/openapi.json";
  private static final Set<String> WRAPPERS = Set.of("ONEOF", "ANYOF", "ALLOF", "$REF", "NOT", "IF", "THEN", "ELSE");

  private final Map<String, JsonSchema> byOperation;

  private BodySchemas(Map<String, JsonSchema> byOperation) {
    this.byOperation = byOperation;
  }

  /** Compiles the JSON body schema of every operation of {@code contract} (the document as written). */
  public static BodySchemas compile(JsonNode contract) {
    // each body schema is also placed under x-bodies/<operationId>: a plain pointer, with $refs resolved in the document
    com.fasterxml.jackson.databind.node.ObjectNode doc = contract.deepCopy();
    com.fasterxml.jackson.databind.node.ObjectNode bodies = doc.putObject("x-bodies");
    Iterator<Map.Entry<String, JsonNode>> all = contract.path("paths").fields();
    while (all.hasNext()) {
      all.next().getValue().fields().forEachRemaining(op -> {
        JsonNode schema = op.getValue().path("requestBody").path("content").path("application/json").path("schema");
        if (!schema.isMissingNode()) {
          bodies.set(op.getValue().path("operationId").asText(), schema);
        }
      });
    }
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
        b -> b.schemaLoaders(l -> l.schemas(Map.of(CONTRACT_URI, doc.toString()))));
    SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER)
        .formatAssertionsEnabled(true).build();
    Map<String, JsonSchema> out = new HashMap<>();
    bodies.fieldNames().forEachRemaining(id -> {
      JsonSchema schema = factory.getSchema(SchemaLocation.of(CONTRACT_URI + "#/x-bodies/" + id), config);
      schema.initializeValidators();
      out.put(id, schema);
    });
    return new BodySchemas(out);
  }

  /** Whether the operation's JSON body is checked here (its schema is then hidden from vertx-openapi). */
  public boolean covers(String operationId) {
    return byOperation.containsKey(operationId);
  }

  /** Checks the body of {@code rc} for {@code operationId}; fails the context with a 400 naming every field. */
  void check(String operationId, RoutingContext rc) {
    JsonSchema schema = byOperation.get(operationId);
    String type = rc.request().getHeader("Content-Type");
    if (schema == null || rc.body() == null || rc.body().buffer() == null || rc.body().length() == 0
        || type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      rc.next();
      return;
    }
    JsonNode body = Bodies.tree(rc);
    List<Violation> violations = violations(schema.validate(body));
    if (violations.isEmpty()) {
      rc.next();
    } else {
      rc.fail(new BodySchemaViolation(violations));
    }
  }

  static List<Violation> violations(Set<ValidationMessage> messages) {
    List<Violation> all = new ArrayList<>();
    for (ValidationMessage m : messages) {
      String field = ProblemMapper.field(String.valueOf(m.getInstanceLocation()));
      String keyword = m.getType() == null ? "INVALID" : m.getType().toUpperCase(Locale.ROOT);
      if ("REQUIRED".equals(keyword) && m.getProperty() != null) {
        field = field.isEmpty() ? m.getProperty() : field + "." + m.getProperty();
      }
      Violation v = new Violation(field, keyword, m.getMessage());
      if (!all.contains(v)) {
        all.add(v);
      }
    }
    List<Violation> specific = all.stream().filter(v -> !WRAPPERS.contains(v.code())).toList();
    return specific.isEmpty() ? all : specific;
  }

  /** A body that breaks its operation's schema. */
  static final class BodySchemaViolation extends RuntimeException {
    private final transient List<Violation> violations;

    BodySchemaViolation(List<Violation> violations) {
      super("the request body does not match the contract", null, false, false);
      this.violations = List.copyOf(violations);
    }

    List<Violation> violations() {
      return violations;
    }
  }
}
