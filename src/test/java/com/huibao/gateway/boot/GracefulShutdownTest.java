package com.huibao.gateway.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.huibao.gateway.adapter.pg.DbTarget;
import com.huibao.gateway.support.Sql;
import com.huibao.gateway.support.TestGateway;
import java.net.ConnectException;
import java.net.Socket;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GracefulShutdownTest {
    @Test
    void stop_closes_the_listener_the_pool_and_the_embedded_database_promptly() throws Exception {
        TestGateway gw = TestGateway.start(Map.of());
        int port = gw.port();
        DbTarget db = gw.gateway().database();
        assertThat(gw.get("/health/ready").statusCode()).isEqualTo(200);
        assertThat(Sql.count(db, "SELECT count(*) FROM policies")).isPositive();

        long started = System.nanoTime();
        gw.close();
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(millis).as("shutdown took %d ms", millis).isLessThan(15_000);
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
        assertThatThrownBy(() -> Sql.count(db, "SELECT 1")).hasRootCauseInstanceOf(ConnectException.class);
    }
}
