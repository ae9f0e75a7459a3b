package com.huibao.gateway.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huibao.gateway.boot.config.ConfigException;
import com.huibao.gateway.boot.config.GatewayConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {
    private static final Path YAML = Path.of("config/application.yaml");

    @Test
    void defaults_come_from_application_yaml() throws Exception {
        GatewayConfig c = GatewayConfig.load(YAML, Map.of());
        assertThat(c.gatewayId()).isEqualTo("huibao-gateway");
        assertThat(c.http().port()).isEqualTo(8080);
        assertThat(c.db().embedded()).isTrue();
        assertThat(c.db().embeddedDir()).isEqualTo(Path.of("data/pg"));
        assertThat(c.clientsDir()).isEqualTo(Path.of("config/clients"));
        assertThat(c.demo()).isTrue();
    }

    @Test
    void environment_variables_override_every_key() throws Exception {
        GatewayConfig c = GatewayConfig.load(
                YAML,
                Map.of(
                        "GATEWAY_HTTP_PORT",
                        "9090",
                        "GATEWAY_ID",
                        "gw-2",
                        "GATEWAY_DB_URL",
                        "postgresql://u:p@db.internal:5433/huibao",
                        "GATEWAY_CLIENTS_DIR",
                        "/etc/huibao/clients",
                        "GATEWAY_DB_POOL_SIZE",
                        "8"));
        assertThat(c.http().port()).isEqualTo(9090);
        assertThat(c.gatewayId()).isEqualTo("gw-2");
        assertThat(c.db().embedded()).isFalse();
        assertThat(c.db().poolSize()).isEqualTo(8);
        assertThat(c.clientsDir()).isEqualTo(Path.of("/etc/huibao/clients"));
    }

    @Test
    void all_errors_are_listed_at_once() {
        assertThatThrownBy(() -> GatewayConfig.load(
                        YAML,
                        Map.of("GATEWAY_HTTP_PORT", "eighty", "GATEWAY_DB_POOL_SIZE", "0", "GATEWAY_DEMO", "false")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("GATEWAY_HTTP_PORT")
                .hasMessageContaining("GATEWAY_DB_POOL_SIZE")
                .hasMessageContaining("GATEWAY_PII_KEY_HEX")
                .hasMessageContaining("GATEWAY_SIGNING_WEBHOOK_KEY_FILE");
    }
}
