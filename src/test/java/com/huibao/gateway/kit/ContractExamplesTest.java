package com.huibao.gateway.kit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.crypto.RequestSigner;
import com.huibao.gateway.support.Examples;
import com.huibao.gateway.support.TestGateway;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The examples the contract attaches to its operations ({@code externalValue} files under {@code contracts/examples})
 * are the worked examples and national bundles of {@code shared/examples} unchanged, each is accepted by the
 * operation it documents on a gateway built from the contract, the answer shown for worked example 1 is the answer
 * the gateway gives, and the documentation page receives them inline.
 */
class ContractExamplesTest {
    private static final Path CONTRACTS = Path.of("contracts");
    private static final Comparator<JsonNode> SAME_NUMBER =
            (a, b) -> a.isNumber() && b.isNumber() ? a.decimalValue().compareTo(b.decimalValue()) : a.equals(b) ? 0 : 1;

    /** One example of one operation, as the contract names it. */
    private record Example(String operation, String name, boolean request, String file) {
        String key() {
            return operation + " " + name;
        }
    }

    /** Who sends an example, how, and what it must be answered. */
    private record Sending(String client, String method, String path, Set<Integer> statuses) {}

    private static List<Example> examples() throws IOException {
        JsonNode contract =
                new YAMLMapper().readTree(CONTRACTS.resolve("openapi.yaml").toFile());
        List<Example> found = new ArrayList<>();
        contract.path("paths")
                .fields()
                .forEachRemaining(p -> p.getValue().fields().forEachRemaining(m -> {
                    String op = m.getValue().path("operationId").asText();
                    collect(found, op, "", true, m.getValue().path("requestBody"));
                    m.getValue()
                            .path("responses")
                            .fields()
                            .forEachRemaining(r -> collect(found, op, r.getKey() + " ", false, r.getValue()));
                }));
        return found;
    }

    /** The JSON examples of a request body or a response, named {@code prefix + name}. */
    private static void collect(List<Example> found, String op, String prefix, boolean request, JsonNode body) {
        body.path("content")
                .path("application/json")
                .path("examples")
                .fields()
                .forEachRemaining(e -> found.add(new Example(
                        op,
                        prefix + e.getKey(),
                        request,
                        e.getValue().path("externalValue").asText())));
    }

    private static byte[] file(Example e) throws IOException {
        return Files.readAllBytes(CONTRACTS.resolve(e.file()));
    }

    @Test
    void every_example_is_a_file_of_the_shared_examples_unchanged_and_every_file_is_named() throws IOException {
        List<Example> examples = examples();
        assertThat(examples).hasSizeGreaterThanOrEqualTo(15);
        Set<String> named = new TreeSet<>();
        for (Example e : examples) {
            assertThat(e.file()).as(e.key()).startsWith("examples/");
            assertThat(CONTRACTS.resolve(e.file())).as(e.key()).isRegularFile();
            named.add(e.file());
        }
        try (Stream<Path> files = Files.walk(CONTRACTS.resolve("examples"))) {
            assertThat(files.filter(Files::isRegularFile)
                            .map(f -> CONTRACTS.relativize(f).toString())
                            .toList())
                    .as("no example file the contract does not name")
                    .containsExactlyInAnyOrderElementsOf(named);
        }
        Map<String, JsonNode> elements = new HashMap<>();
        Examples.json("plans.json")
                .forEach(p -> elements.put("examples/plan-" + p.get("plan_id").asText() + ".json", p));
        Examples.json("lists.json")
                .forEach(l -> elements.put(
                        "examples/list-" + l.get("list_id").asText() + "-"
                                + l.get("version").asText() + ".json",
                        l));
        Examples.json("policies.json")
                .forEach(p ->
                        elements.put("examples/policy-" + p.get("policy_no").asText() + ".json", p));
        for (String f : named) {
            if (f.startsWith("examples/answers/")) {
                continue; // the gateway's answers: checked against the gateway below
            }
            byte[] mine = Files.readAllBytes(CONTRACTS.resolve(f));
            if (elements.containsKey(f)) {
                assertThat(Json.parse(mine))
                        .as(f + " is an element of the shared file")
                        .isEqualTo(elements.get(f));
            } else {
                assertThat(mine)
                        .as(f + " is the shared example, byte for byte")
                        .isEqualTo(Examples.bytes(f.substring("examples/".length())));
            }
        }
    }

    @Test
    void every_request_example_is_accepted_by_its_operation_and_the_answer_shown_is_the_gateways() throws IOException {
        Path clients = Path.of("target/clients-" + UUID.randomUUID());
        Map<String, RequestSigner> hospitals = new HashMap<>();
        List<Example> examples = examples();
        for (Example e : examples) {
            JsonNode doc = Json.parse(file(e));
            String code = doc.path("fixmedins_code").asText();
            if (e.request() && !code.isEmpty() && !code.equals("H31010100001")) {
                hospitals.computeIfAbsent(code, c -> TestGateway.registerClient(clients, "his-" + c, "HOSPITAL", c));
            }
        }
        try (TestGateway gw = TestGateway.start(Map.of("GATEWAY_CLIENTS_DIR", clients.toString()))) {
            // first, before anything is confirmed: worked example 1 answered as the contract shows it
            Example answer = examples.stream()
                    .filter(e -> e.key().equals("previewDirectSettlement 200 flat-inpatient"))
                    .findFirst()
                    .orElseThrow();
            HttpResponse<String> preview = gw.signed(
                    "demo-hospital",
                    "POST",
                    "/v1/direct-settlements/preview",
                    Files.readAllBytes(CONTRACTS.resolve("examples/settlement-inpatient-1.json")));
            assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
            assertThat(Json.parse(preview.body())).isEqualTo(Json.parse(file(answer)));

            Map<String, Integer> answered = new LinkedHashMap<>();
            for (Example e : examples) {
                if (!e.request()) {
                    continue;
                }
                byte[] body = file(e);
                Sending s = sending(e, Json.parse(body));
                RequestSigner signer = s.client().startsWith("his-")
                        ? hospitals.get(s.client().substring(4))
                        : TestGateway.demoSigner(s.client());
                HttpResponse<String> r = gw.signedBy(signer, s.method(), s.path(), body);
                assertThat(s.statuses()).as(e.key() + ": " + r.body()).contains(r.statusCode());
                answered.put(e.key(), r.statusCode());
            }
            assertThat(answered).hasSizeGreaterThanOrEqualTo(14);
        }
    }

    /** How each request example is sent: by whom, where, and the answers that show the body met the contract. */
    private static Sending sending(Example e, JsonNode doc) {
        String code = doc.path("fixmedins_code").asText();
        String hospital = code.isEmpty() || code.equals("H31010100001") ? "demo-hospital" : "his-" + code;
        String setlId = doc.path("setlinfo").path("setl_id").asText();
        return switch (e.operation()) {
            case "previewDirectSettlement" ->
                new Sending(hospital, "POST", "/v1/direct-settlements/preview", Set.of(200));
            case "confirmDirectSettlement" ->
                new Sending(hospital, "PUT", "/v1/direct-settlements/" + setlId, Set.of(200, 201));
            case "ingestSettlement" -> new Sending("demo-datafeed", "POST", "/v1/settlements", Set.of(200, 201));
            // the reversal output names a settlement nobody confirmed here: unknown (404), not malformed (400)
            case "reverseDirectSettlement" ->
                new Sending(
                        "demo-hospital",
                        "POST",
                        "/v1/direct-settlements/"
                                + doc.path("output")
                                        .path("setlinfo")
                                        .path("setl_id")
                                        .asText() + "/reversal",
                        Set.of(404));
            case "putPlan" ->
                new Sending(
                        doc.get("insurer_id").asText().equals("INS-PMI") ? "demo-insurer-pmi" : "demo-insurer-hmb",
                        "PUT",
                        "/v1/plans/" + doc.get("plan_id").asText(),
                        Set.of(200, 201));
            case "putListVersion" ->
                new Sending(
                        "demo-insurer-hmb",
                        "PUT",
                        "/v1/lists/" + doc.get("list_id").asText() + "/versions/"
                                + doc.get("version").asText(),
                        Set.of(200, 201));
            case "createPolicies" -> new Sending("demo-insurer-hmb", "POST", "/v1/policies", Set.of(200, 201));
            default -> throw new AssertionError("no way to send the example " + e.key() + ": add one here");
        };
    }

    @Test
    void the_documentation_page_gets_every_example_inline() throws IOException {
        TestGateway gw = TestGateway.shared();
        String served = gw.get("/docs/openapi.yaml").body();
        assertThat(served).startsWith("openapi: 3").doesNotContain("externalValue");
        JsonNode contract = new YAMLMapper().readTree(served);
        for (Example e : examples()) {
            String[] k = e.name().split(" ");
            JsonNode op = findOperation(contract, e.operation());
            JsonNode media = e.request()
                    ? op.path("requestBody").path("content").path("application/json")
                    : op.path("responses").path(k[0]).path("content").path("application/json");
            JsonNode value = media.path("examples").path(k[k.length - 1]).path("value");
            // the same document; a number may come back in another literal form (0.0 read as a double)
            assertThat(value.equals(SAME_NUMBER, Json.parse(file(e))))
                    .as(e.key() + " inline: " + value)
                    .isTrue();
        }
    }

    private static JsonNode findOperation(JsonNode contract, String operationId) {
        List<JsonNode> found = new ArrayList<>();
        contract.path("paths")
                .forEach(p -> p.forEach(m -> {
                    if (operationId.equals(m.path("operationId").asText())) {
                        found.add(m);
                    }
                }));
        assertThat(found).as(operationId).hasSize(1);
        return found.get(0);
    }
}
