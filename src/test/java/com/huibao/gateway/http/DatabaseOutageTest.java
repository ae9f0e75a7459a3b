package com.huibao.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.huibao.gateway.adapter.pg.EmbeddedDatabase;
import com.huibao.gateway.codec.Json;
import com.huibao.gateway.support.Dirs;
import com.huibao.gateway.support.Settlements;
import com.huibao.gateway.support.Sql;
import com.huibao.gateway.support.TestGateway;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** An external PostgreSQL (GATEWAY_DB_URL) that goes away: 503 with Retry-After, nothing half-written, recovery. */
class DatabaseOutageTest {
    @Test
    void database_down_means_503_and_the_gateway_recovers_by_itself() throws Exception {
        Path data = Path.of("target/ext-pg-" + UUID.randomUUID());
        EmbeddedDatabase external = EmbeddedDatabase.start(data, 0, false);
        int port = external.target().port();
        TestGateway gw =
                TestGateway.start(Map.of("GATEWAY_DB_URL", "postgresql://postgres@localhost:" + port + "/postgres"));
        try {
            assertThat(gw.signed(
                                    "demo-hospital",
                                    "PUT",
                                    "/v1/direct-settlements/S-OUT-1",
                                    Settlements.inpatient("S-OUT-1"))
                            .statusCode())
                    .isEqualTo(200);

            external.close();
            HttpResponse<String> down = gw.signed(
                    "demo-hospital", "PUT", "/v1/direct-settlements/S-OUT-2", Settlements.inpatient("S-OUT-2"));
            assertThat(down.statusCode()).as(down.body()).isEqualTo(503);
            assertThat(down.headers().firstValue("Retry-After")).isPresent();
            assertThat(down.headers().firstValue("Huibao-Signature"))
                    .as("the client is known: the refusal is signed")
                    .isPresent();
            assertThat(Json.parse(down.body()).get("code").asText()).isEqualTo("DATABASE_UNAVAILABLE");
            assertThat(gw.get("/health/ready").statusCode()).isEqualTo(503);

            external = EmbeddedDatabase.start(data, port, false);
            HttpResponse<String> back = null;
            for (int i = 0; i < 40; i++) {
                back = gw.signed(
                        "demo-hospital", "PUT", "/v1/direct-settlements/S-OUT-2", Settlements.inpatient("S-OUT-2"));
                if (back.statusCode() == 200) {
                    break;
                }
                Thread.sleep(250);
            }
            assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
            assertThat(gw.get("/health/ready").statusCode()).isEqualTo(200);
            assertThat(Sql.count(gw.gateway().database(), "SELECT count(*) FROM direct_settlements"))
                    .isEqualTo(2);
            assertThat(Sql.count(gw.gateway().database(), "SELECT count(*) FROM claims"))
                    .isEqualTo(4);
        } finally {
            gw.close();
            external.close();
            Dirs.deleteQuietly(data);
        }
    }
}
