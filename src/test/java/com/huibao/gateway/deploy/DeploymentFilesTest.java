package com.huibao.gateway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.support.Settlements;
import com.huibao.gateway.support.TestGateway;
import java.nio.file.Files;
import java.nio.file.Path;
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
