package com.huibao.gateway.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Loads {@code contracts/openapi.yaml} (packaged in the jar) into an {@link OpenAPIContract}, from which the router is
 * built; requests are checked against the contract as written by {@link RequestChecks}.
 *
 * <p>vertx-openapi 5.0.x refuses contracts that declare media types outside a short list (issues #107, #122, fixed in
 * 5.1), among them {@code application/problem+json} and {@code text/csv}. Clients must see the true media types, so
 * the file keeps them; the in-memory copy handed to Vert.x maps them to ones it accepts. Only the router sees that
 * copy, from which it builds the routes. {@code ContractTest} pins both facts. A text stand-in loses its schema;
 * the handler parses and checks such bodies (CSV) itself.
 *
 * <p>The copy also drops the media types' {@code examples}: they name files next to the contract by a relative
 * {@code externalValue}, which OpenAPI 3.1 allows (a URI reference) and vertx-openapi 5.0.x's meta-schema refuses
 * (it wants an absolute URI). Examples take no part in routing or validation; {@link DocumentedContract} inlines them
 * for the documentation page.
 */
public final class ContractLoader {
    public static final String RESOURCE = "contracts/openapi.yaml";

    /** Declared media type → the stand-in vertx-openapi 5.0.x accepts. */
    static final Map<String, String> STAND_INS = Map.of(
            "application/problem+json", "application/json",
            "text/csv", "text/plain",
            "text/html", "text/plain",
            "application/pdf", "application/octet-stream");

    private ContractLoader() {}

    public static Future<OpenAPIContract> load(Vertx vertx) {
        return OpenAPIContract.from(vertx, withStandIns(raw()));
    }

    /** The contract as written, as a Jackson tree (for {@link RequestChecks}). */
    public static JsonNode rawTree() {
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
                for (String media : content.fieldNames()) {
                    if (content.getValue(media) instanceof JsonObject m) {
                        m.remove("examples");
                    }
                }
                for (Map.Entry<String, String> e : STAND_INS.entrySet()) {
                    Object declared = content.remove(e.getKey());
                    if (declared != null && !content.containsKey(e.getValue())) {
                        if ((e.getValue().startsWith("text/") || e.getValue().equals("application/octet-stream"))
                                && declared instanceof JsonObject media) {
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
        } else if (node instanceof JsonArray a) {
            a.forEach(ContractLoader::rewrite);
        }
    }
}
