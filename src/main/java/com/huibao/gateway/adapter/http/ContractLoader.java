package com.huibao.gateway.adapter.http;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Loads {@code contracts/openapi.yaml} (packaged in the jar) into an {@link OpenAPIContract}.
 *
 * <p>vertx-openapi 5.0.x refuses contracts that declare media types outside a short list (issues #107, #122, fixed in
 * 5.1), among them {@code application/problem+json} and {@code text/csv}. Clients must see the true media types, so
 * the file keeps them; the in-memory copy handed to Vert.x maps them to ones it accepts. Only the router sees that
 * copy, and it validates requests only. {@code ContractTest} pins both facts.
 *
 * <p>A text stand-in loses its schema: 5.0.x hands a {@code text/plain} body to the JSON-schema validator as a raw
 * buffer, which it cannot validate; the handler parses and checks such bodies (CSV) itself.
 */
public final class ContractLoader {
  public static final String RESOURCE = "contracts/openapi.yaml";

  /** Declared media type → the stand-in vertx-openapi 5.0.x accepts. */
  static final Map<String, String> STAND_INS = Map.of(
      "application/problem+json", "application/json",
      "text/csv", "text/plain",
      "text/html", "text/plain");

  private ContractLoader() {
  }

  public static Future<OpenAPIContract> load(Vertx vertx) {
    return OpenAPIContract.from(vertx, withoutJsonBodySchemas(withStandIns(raw())));
  }

  /**
   * The copy handed to Vert.x keeps each JSON request body (syntax, presence) but not its schema: {@link BodySchemas}
   * checks bodies against the same schemas, compiled (see its note on cost). Responses and parameters are untouched.
   */
  static JsonObject withoutJsonBodySchemas(JsonObject contract) {
    JsonObject paths = contract.getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.fieldNames()) {
        if (item.getValue(method) instanceof JsonObject op && op.getJsonObject("requestBody") != null) {
          JsonObject content = op.getJsonObject("requestBody").getJsonObject("content");
          JsonObject json = content == null ? null : content.getJsonObject("application/json");
          if (json != null && json.containsKey("schema")) {
            json.put("schema", new JsonObject());
          }
        }
      }
    }
    return contract;
  }

  /** The contract as written, as a Jackson tree (for {@link BodySchemas}). */
  public static com.fasterxml.jackson.databind.JsonNode rawTree() {
    try (InputStream in = ContractLoader.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath");
      }
      return new YAMLMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The contract exactly as written. */
  public static JsonObject raw() {
    try (InputStream in = ContractLoader.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath");
      }
      return new JsonObject(new YAMLMapper().readTree(in).toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A copy in which every content map uses accepted media types (first declaration wins on a clash). */
  static JsonObject withStandIns(JsonObject contract) {
    JsonObject copy = contract.copy();
    rewrite(copy);
    return copy;
  }

  private static void rewrite(Object node) {
    if (node instanceof JsonObject o) {
      JsonObject content = o.getValue("content") instanceof JsonObject c ? c : null;
      if (content != null) {
        for (Map.Entry<String, String> e : STAND_INS.entrySet()) {
          Object declared = content.remove(e.getKey());
          if (declared != null && !content.containsKey(e.getValue())) {
            if (e.getValue().startsWith("text/") && declared instanceof JsonObject media) {
              declared = media.copy();
              ((JsonObject) declared).remove("schema");
            }
            content.put(e.getValue(), declared);
          }
        }
      }
      for (String key : o.fieldNames()) {
        rewrite(o.getValue(key));
      }
    } else if (node instanceof io.vertx.core.json.JsonArray a) {
      a.forEach(ContractLoader::rewrite);
    }
  }
}
