package com.huibao.gateway.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ContractTest {
    private static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void contract_declares_problem_json_for_clients() {
        assertThat(ContractLoader.raw().encode()).contains("application/problem+json");
    }

    /**
     * Pins vertx-openapi 5.0.x's refusal of application/problem+json (issues #107, #122). When an upgrade makes this
     * fail, the stand-ins of ContractLoader can go.
     */
    @Test
    void vertx_openapi_5_0_still_refuses_the_contract_as_written() {
        JsonObject raw = ContractLoader.raw();
        Throwable failure = OpenAPIContract.from(vertx, raw)
                .toCompletionStage()
                .toCompletableFuture()
                .handle((c, e) -> e)
                .join();
        assertThat(failure)
                .as("the raw contract loaded: remove the media-type stand-ins")
                .isNotNull();
    }

    @Test
    void contract_with_stand_ins_loads_and_every_operation_is_bound() throws Exception {
        OpenAPIContract contract = ContractLoader.load(vertx)
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        Set<String> ids = new HashSet<>();
        Set<String> sheddable = new HashSet<>();
        for (Path p : contract.getPaths()) {
            for (Operation op : p.getOperations()) {
                ids.add(op.getOperationId());
                assertThat(op.getOpenAPIModel().containsKey("security")
                                        && op.getSecurityRequirements().isEmpty()
                                || op.getOpenAPIModel().containsKey("x-roles"))
                        .as(op.getOperationId() + " must be public (security: []) or list its x-roles")
                        .isTrue();
                if (!InFlightLimit.neverShed(op.getOpenAPIPath())) {
                    sheddable.add(op.getOperationId());
                    assertThat(op.getOpenAPIModel().getJsonObject("responses").containsKey("503"))
                            .as(op.getOperationId() + " can be refused 503 OVERLOADED, so its contract must list 503")
                            .isTrue();
                }
            }
        }
        assertThat(ids)
                .isEqualTo(new HttpApi(null, null, null, null, new HttpApi.Limits(0, 1), null, null)
                        .operations()
                        .keySet());
        assertThat(sheddable)
                .as("load shedding covers the API")
                .contains("previewDirectSettlement", "confirmDirectSettlement", "createQuickClaim");
    }

    /**
     * Every object schema an answer can hold names all its members and closes the set ({@code unevaluatedProperties:
     * false} on it, or on the schema that refers to it and adds members): a member the code sends and the contract
     * does not name fails the response check of every HTTP test.
     */
    @Test
    void every_object_in_a_response_is_closed() {
        JsonNode doc = ContractLoader.rawTree();
        List<String> open = new ArrayList<>();
        doc.path("paths")
                .fields()
                .forEachRemaining(p -> p.getValue()
                        .fields()
                        .forEachRemaining(op -> op.getValue()
                                .path("responses")
                                .fields()
                                .forEachRemaining(r -> {
                                    JsonNode response = follow(doc, r.getValue());
                                    response.path("content")
                                            .fields()
                                            .forEachRemaining(m -> walk(
                                                    doc,
                                                    m.getValue().path("schema"),
                                                    false,
                                                    op.getValue()
                                                                    .path("operationId")
                                                                    .asText() + " " + r.getKey() + " " + m.getKey(),
                                                    open,
                                                    new HashSet<>()));
                                })));
        doc.path("webhooks")
                .fields()
                .forEachRemaining(w -> walk(
                        doc,
                        w.getValue()
                                .at("/post/requestBody/content")
                                .path("application/json")
                                .path("schema"),
                        false,
                        "webhook " + w.getKey(),
                        open,
                        new HashSet<>()));
        assertThat(open).as("object schemas that do not close their members").isEmpty();
    }

    @Test
    void every_event_type_has_its_webhook_and_every_clientToken_operation_declares_its_refusals() {
        JsonNode doc = ContractLoader.rawTree();
        Set<String> types = new HashSet<>();
        doc.at("/components/schemas/EventType/enum").forEach(t -> types.add(t.asText()));
        Set<String> hooks = new HashSet<>();
        doc.path("webhooks").fieldNames().forEachRemaining(hooks::add);
        assertThat(hooks).isEqualTo(types);
        doc.path("paths")
                .fields()
                .forEachRemaining(p -> p.getValue().fields().forEachRemaining(op -> {
                    if (!op.getValue().has("operationId")) {
                        return;
                    }
                    Set<String> statuses = new HashSet<>();
                    op.getValue().path("responses").fieldNames().forEachRemaining(statuses::add);
                    String id = op.getValue().get("operationId").asText();
                    assertThat(statuses)
                            .as(id + ": any request may carry a body, a form or too much")
                            .contains("400", "413", "415");
                    if (!op.getValue().has("security")) {
                        assertThat(statuses)
                                .as(id + ": a client's token, role and rate")
                                .contains("401", "403", "429", "503");
                    }
                }));
    }

    private static JsonNode follow(JsonNode doc, JsonNode node) {
        String ref = node.path("$ref").asText("");
        return ref.startsWith("#/") ? doc.at(ref.substring(1)) : node;
    }

    private static void walk(
            JsonNode doc,
            JsonNode schema,
            boolean closedByReferrer,
            String where,
            List<String> open,
            Set<String> seen) {
        if (schema == null || schema.isMissingNode() || !schema.isObject()) {
            return;
        }
        boolean closed = closedByReferrer
                || schema.path("unevaluatedProperties").isBoolean()
                        && !schema.get("unevaluatedProperties").asBoolean()
                || schema.path("additionalProperties").isBoolean()
                        && !schema.get("additionalProperties").asBoolean();
        String ref = schema.path("$ref").asText("");
        if (ref.startsWith("#/") && seen.add(ref + closed)) {
            walk(
                    doc,
                    doc.at(ref.substring(1)),
                    closed,
                    where + " > " + ref.substring(ref.lastIndexOf('/') + 1),
                    open,
                    seen);
        }
        if (schema.has("properties") && !closed) {
            open.add(where);
        }
        schema.path("properties")
                .fields()
                .forEachRemaining(f -> walk(doc, f.getValue(), false, where + "." + f.getKey(), open, seen));
        walk(doc, schema.path("items"), false, where + "[]", open, seen);
        if (schema.path("additionalProperties").isObject()) {
            walk(doc, schema.get("additionalProperties"), false, where + "{}", open, seen);
        }
        for (String combinator : new String[] {"allOf", "anyOf", "oneOf"}) {
            schema.path(combinator).forEach(s -> walk(doc, s, closed, where, open, seen));
        }
        walk(doc, schema.path("then"), closed, where, open, seen);
    }
}
