package com.huibao.gateway.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.support.Command;
import com.huibao.gateway.support.Settlements;
import com.huibao.gateway.support.TestGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The deployment files say what the gateway does: the Kubernetes manifests probe its health endpoints, give the
 * drain time to finish, run as non-root, keep keys in a Secret; the dashboard and the alert rules name only metrics a
 * started gateway exposes on {@code /metrics}.
 */
class DeploymentFilesTest {
    private static final YAMLMapper YAML = new YAMLMapper();

    private static Map<String, JsonNode> manifests() throws Exception {
        Map<String, JsonNode> byKind = new HashMap<>();
        try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class)
                .readValues(new YAMLFactory()
                        .createParser(Path.of("deploy/k8s/gateway.yaml").toFile()))) {
            while (docs.hasNext()) {
                JsonNode d = docs.next();
                byKind.put(d.get("kind").asText(), d);
            }
        }
        return byKind;
    }

    @Test
    void the_manifests_probe_drain_scale_and_keep_keys_secret() throws Exception {
        Map<String, JsonNode> m = manifests();
        assertThat(m.keySet())
                .contains(
                        "Deployment",
                        "Service",
                        "PodDisruptionBudget",
                        "HorizontalPodAutoscaler",
                        "Secret",
                        "ConfigMap");
        JsonNode pod = m.get("Deployment").at("/spec/template/spec");
        JsonNode c = pod.at("/containers/0");
        assertThat(c.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/health/ready");
        assertThat(c.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/health/live");
        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        int drain = 0;
        for (JsonNode e : c.get("env")) {
            if (e.get("name").asText().equals("GATEWAY_HTTP_SHUTDOWN_DRAIN_SECONDS")) {
                drain = e.get("value").asInt();
            }
            if (e.get("name").asText().startsWith("GATEWAY_PII_")) {
                assertThat(e.at("/valueFrom/secretKeyRef/name").asText())
                        .as("keys come from the Secret")
                        .isEqualTo("huibao-gateway-keys");
            }
        }
        assertThat(pod.get("terminationGracePeriodSeconds").asInt())
                .as("the pod outlives its drain")
                .isGreaterThan(drain + 5);
        assertThat(m.get("PodDisruptionBudget").at("/spec/minAvailable").asInt())
                .isPositive();
        assertThat(m.get("HorizontalPodAutoscaler")
                        .at("/spec/metrics/0/resource/name")
                        .asText())
                .isEqualTo("cpu");
        assertThat(m.get("HorizontalPodAutoscaler").at("/spec/minReplicas").asInt())
                .isLessThanOrEqualTo(
                        m.get("HorizontalPodAutoscaler").at("/spec/maxReplicas").asInt());
    }

    @Test
    void the_manifests_validate_against_the_kubernetes_api_schemas_and_the_check_bites() throws Exception {
        Path check = Path.of("deploy/k8s/check").toAbsolutePath();
        assumeTrue(
                Command.npmInstalled(check, "kubernetes-models"),
                "no Node.js, or kubernetes-models could not be installed from the npm registry");
        Command.Result r =
                Command.run(check, Duration.ofMinutes(1), List.of("node", "validate.mjs", "../gateway.yaml"));
        assertThat(r.exit()).as(r.both()).isZero();
        assertThat(r.out().lines().filter(l -> l.contains(": valid (")).count())
                .as(r.out())
                .isEqualTo(6);
        Path broken = Files.createTempFile(Path.of("target").toAbsolutePath(), "gateway-broken-", ".yaml");
        Files.writeString(
                broken,
                Files.readString(Path.of("deploy/k8s/gateway.yaml"))
                        .replace("replicas: 2", "replicas: two")
                        .replace("terminationGracePeriodSeconds: 30", "terminationGracePeriodSeconds: [30]"));
        Command.Result bad =
                Command.run(check, Duration.ofMinutes(1), List.of("node", "validate.mjs", broken.toString()));
        assertThat(bad.exit()).as("a broken manifest is refused").isEqualTo(1);
        assertThat(bad.out()).contains("spec/replicas must be integer").contains("terminationGracePeriodSeconds");
    }

    @Test
    void the_image_runs_as_the_user_and_port_the_manifest_expects() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        String jib = pom.substring(pom.indexOf("<artifactId>jib-maven-plugin</artifactId>"));
        JsonNode pod = manifests().get("Deployment").at("/spec/template/spec");
        String user = pod.at("/securityContext/runAsUser").asText() + ":"
                + pod.at("/securityContext/runAsGroup").asText();
        assertThat(jib).contains("<user>" + user + "</user>");
        assertThat(jib)
                .contains(
                        "<port>" + pod.at("/containers/0/ports/0/containerPort").asInt() + "</port>");
        String image = pod.at("/containers/0/image").asText();
        assertThat(jib)
                .contains("<image>" + image.substring(0, image.indexOf(':')) + ":")
                .contains("<tag>" + image.substring(image.indexOf(':') + 1) + "</tag>");
        assertThat(Files.readString(Path.of("scripts/image-rootfs")))
                .as("the image's passwd names that user")
                .contains("huibao:x:" + user + ":");
    }

    @Test
    void every_metric_of_the_dashboard_and_the_alerts_is_exposed() throws Exception {
        Set<String> named = new TreeSet<>();
        Pattern metric = Pattern.compile("\\b((?:huibao|vertx|jvm|process)_[a-z_]+)");
        JsonNode dashboard = Json.parse(Files.readString(Path.of("deploy/grafana/huibao-gateway-dashboard.json")));
        for (JsonNode p : dashboard.get("panels")) {
            for (JsonNode t : p.get("targets")) {
                Matcher x = metric.matcher(t.get("expr").asText());
                while (x.find()) {
                    named.add(x.group(1));
                }
            }
        }
        JsonNode rules = YAML.readTree(
                Path.of("deploy/grafana/huibao-gateway-alerts.yaml").toFile());
        for (JsonNode r : rules.at("/groups/0/rules")) {
            Matcher x = metric.matcher(r.get("expr").asText());
            while (x.find()) {
                named.add(x.group(1));
            }
        }
        assertThat(named).contains("vertx_http_server_response_time_seconds_bucket", "huibao_outbox_pending");
        try (TestGateway gw = TestGateway.start(Map.of())) {
            // a direct settlement, so that the request series and the claims' money series exist
            gw.signed("demo-hospital", "PUT", "/v1/direct-settlements/S-M", Settlements.inpatient("S-M"));
            String exposed = gw.get("/metrics").body();
            for (String name : named) {
                assertThat(exposed).as(name).containsPattern("(?m)^" + name + "[{ ]");
            }
            assertThat(exposed)
                    .as("labelled by the contract's route")
                    .containsPattern("vertx_http_server_response_time_seconds_bucket\\{[^}]*route=");
        }
        assertThat(List.copyOf(named)).isNotEmpty();
    }
}
