package com.huibao.gateway.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.huibao.gateway.adapter.cli.KeygenCommand;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.support.Command;
import com.huibao.gateway.support.TestGateway;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.jwk.ECKey;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The integrator kit as a newcomer meets it. Following only the README: keys made by {@code keygen}, a gateway
 * started with {@code GATEWAY_DEMO=false} on them, a hospital registered by dropping its registration into the
 * clients directory, and signed requests sent by the snippets of {@code clients/} — Python (Debian's
 * python3-cryptography), Java (JDK + nimbus, run as a source file) and Node (jose) — each verifying the gateway's
 * answer against the published keys. The Bruno collection runs its flows against a demo gateway.
 */
class ClientSnippetsTest {
    private static final String CLIENT = "hosp-kit";
    private static final Duration MINUTE = Duration.ofSeconds(60);
    private static Path dir;
    private static TestGateway gateway;
    private static String responseKid;

    @BeforeAll
    static void keysAGatewayOutsideDemoModeAndARegisteredHospital() throws Exception {
        dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "kit-");
        Path keys = dir.resolve("keys");
        Path clients = Files.createDirectories(dir.resolve("clients"));
        assertThat(keygen("--out", keys.toString())).isZero();
        Map<String, String> env = new HashMap<>();
        for (String line : Files.readAllLines(keys.resolve("gateway.env"))) {
            if (!line.startsWith("#") && line.contains("=")) {
                env.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        assertThat(env).containsEntry("GATEWAY_DEMO", "false");
        env.put("GATEWAY_CLIENTS_DIR", clients.toString());
        gateway = TestGateway.start(env);
        responseKid = ECKey.parse(Files.readString(keys.resolve("gateway-response.private.jwk")))
                .getKeyID();
        // registered while the gateway runs: the registration file lands in the watched directory, and the
        // private key leaves it for the hospital
        assertThat(keygen(
                        "--out",
                        clients.toString(),
                        "--client",
                        CLIENT,
                        "--role",
                        "HOSPITAL",
                        "--tenant",
                        "H31010100001"))
                .isZero();
        Files.move(clients.resolve(CLIENT + ".private.jwk"), dir.resolve(CLIENT + ".private.jwk"));
        Files.writeString(
                dir.resolve("eligibility.json"),
                "{\"psn_cert_type\":\"01\",\"certno\":\"310101198001010011\",\"date\":\"2026-03-15\"}");
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void a_new_user_signs_a_request_with_the_python_snippet_and_verifies_the_answer() {
        Optional<String> python = Command.pythonWithCryptography();
        assumeTrue(python.isPresent(), "no python3 with the cryptography package (.ci/run installs it)");
        List<String> snippet = List.of(
                python.get(),
                Path.of("clients/python/huibao_client.py").toAbsolutePath().toString());
        // the registration is read within 2 s of being written
        Command.Result r = untilAnswered(concat(snippet, snippetArgs(CLIENT, "POST", "/v1/eligibility", true)));
        assertThat(r.exit()).as(r.both()).isZero();
        assertThat(r.err()).contains("HTTP 200, signature verified (kid " + responseKid + ")");
        JsonNode answer = Json.parse(r.out());
        assertThat(answer.path("date").asText()).isEqualTo("2026-03-15");
        assertThat(answer.path("policies").isArray()).isTrue();

        Command.Result statement = Command.run(
                dir, MINUTE, concat(snippet, snippetArgs(CLIENT, "GET", "/v1/reconciliation/2026-03-15", false)));
        assertThat(statement.exit()).as(statement.both()).isZero();
        assertThat(Json.parse(statement.out()).path("fixmedins_code").asText()).isEqualTo("H31010100001");

        Command.Result stranger = Command.run(
                dir,
                MINUTE,
                concat(snippet, snippetArgs("hosp-unknown", "GET", "/v1/reconciliation/2026-03-15", false)));
        assertThat(stranger.exit())
                .as("an unregistered client is refused, unsigned")
                .isEqualTo(1);
        assertThat(stranger.err()).contains("HTTP 401 without Huibao-Signature");
    }

    @Test
    void the_java_snippet_runs_as_a_source_file_on_the_jdk_and_nimbus() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        String nimbus = Path.of(JWSObject.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toString();
        List<String> snippet = List.of(
                java,
                "-cp",
                nimbus,
                Path.of("clients/java/HuibaoClient.java").toAbsolutePath().toString());
        Command.Result r = untilAnswered(concat(snippet, snippetArgs(CLIENT, "POST", "/v1/eligibility", true)));
        assertThat(r.exit()).as(r.both()).isZero();
        assertThat(r.err()).contains("HTTP 200, signature verified (kid " + responseKid + ")");
        assertThat(Json.parse(r.out()).path("policies").isArray()).isTrue();
    }

    @Test
    void the_node_snippet_signs_with_jose() {
        Path node = Path.of("clients/node").toAbsolutePath();
        assumeTrue(Command.works("node", "--version"), "no Node.js (.ci/run installs it)");
        assumeTrue(Command.npmInstalled(node, "jose"), "jose could not be installed from the npm registry");
        List<String> snippet = List.of("node", node.resolve("huibao-client.mjs").toString());
        Command.Result r = untilAnswered(concat(snippet, snippetArgs(CLIENT, "POST", "/v1/eligibility", true)));
        assertThat(r.exit()).as(r.both()).isZero();
        assertThat(r.err()).contains("HTTP 200, signature verified (kid " + responseKid + ")");
        assertThat(Json.parse(r.out()).path("policies").isArray()).isTrue();
    }

    @Test
    void the_bruno_collection_walks_the_main_flows_against_a_demo_gateway() throws Exception {
        Path bruno = Path.of("clients/bruno").toAbsolutePath();
        assumeTrue(Command.works("node", "--version"), "no Node.js (.ci/run installs it)");
        assumeTrue(
                Command.npmInstalled(bruno, "@usebruno/cli"),
                "the Bruno CLI could not be installed from the npm registry");
        TestGateway demo = TestGateway.shared();
        Path report = dir.resolve("bruno.json");
        Command.Result r = Command.run(
                bruno,
                Duration.ofMinutes(3),
                List.of(
                        "node",
                        bruno.resolve("node_modules/@usebruno/cli/bin/bru.js").toString(),
                        "run",
                        "-r",
                        "--env",
                        "sandbox",
                        "--env-var",
                        "baseUrl=http://127.0.0.1:" + demo.port(),
                        "--env-var",
                        "setlId=S-BRUNO-" + System.nanoTime(),
                        "--reporter-json",
                        report.toString()));
        assertThat(r.exit()).as(r.both()).isZero();
        JsonNode results = Json.parse(Files.readString(report, StandardCharsets.UTF_8));
        JsonNode summary = results.isArray() ? results.get(0).path("summary") : results.path("summary");
        assertThat(summary.path("totalRequests").asInt()).isEqualTo(12);
        assertThat(summary.path("failedRequests").asInt()).isZero();
        assertThat(summary.path("failedTests").asInt()).isZero();
        assertThat(summary.path("passedTests").asInt()).isGreaterThanOrEqualTo(20);
    }

    private static List<String> snippetArgs(String client, String method, String path, boolean body) {
        List<String> args = new ArrayList<>(List.of(
                "--gateway",
                "http://127.0.0.1:" + gateway.port(),
                "--client",
                client,
                "--key",
                dir.resolve(CLIENT + ".private.jwk").toString(),
                method,
                path));
        if (body) {
            args.add(dir.resolve("eligibility.json").toString());
        }
        return args;
    }

    /** Runs the snippet until the freshly registered client is known (the directory is re-read every 2 s). */
    private static Command.Result untilAnswered(List<String> command) {
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        Command.Result r = Command.run(dir, MINUTE, command);
        while (r.exit() != 0 && r.err().contains("HTTP 401") && System.nanoTime() < until) {
            sleep();
            r = Command.run(dir, MINUTE, command);
        }
        return r;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static int keygen(String... args) {
        return KeygenCommand.run(
                args,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
