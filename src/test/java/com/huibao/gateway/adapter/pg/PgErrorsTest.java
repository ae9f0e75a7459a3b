package com.huibao.gateway.adapter.pg;

import static org.assertj.core.api.Assertions.assertThat;

import com.huibao.gateway.app.Failure;
import io.vertx.pgclient.PgException;
import java.io.IOException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import org.junit.jupiter.api.Test;

/** Which database failures are outages (503, retry) and which are not. */
class PgErrorsTest {
    @Test
    void a_connection_cut_by_a_stopping_server_is_an_outage_even_when_wrapped() {
        // found by scripts/chaos: a PostgreSQL restart mid-load gave three 500s with this cause
        SocketException reset = new SocketException("Connection reset");
        assertThat(PgErrors.isUnavailable(reset)).isTrue();
        assertThat(PgErrors.isUnavailable(new IllegalStateException("query failed", reset)))
                .isTrue();
        assertThat(PgErrors.translate(reset)).isInstanceOf(Failure.Unavailable.class);
        assertThat(PgErrors.isUnavailable(new PgException("terminating connection", "FATAL", "57P01", null)))
                .isTrue();
        // found by ChaosIT: a pipelined transaction writing to a connection the stopping server had closed
        IOException brokenPipe = new IOException("Broken pipe");
        assertThat(PgErrors.translate(brokenPipe)).isInstanceOf(Failure.Unavailable.class);
        assertThat(PgErrors.isUnavailable(new ClosedChannelException())).isTrue();
    }

    @Test
    void the_pools_own_timeout_race_is_an_outage_but_the_same_exception_elsewhere_is_a_bug() {
        // found by scripts/bench: thrown from inside vertx-sql-client's pool (stack trace kept as it was seen)
        IllegalStateException race = new IllegalStateException("Promise already completed");
        race.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("io.vertx.core.Promise", "fail", "Promise.java", 110),
            new StackTraceElement(
                    "io.vertx.sqlclient.impl.pool.SqlConnectionPool$1PoolRequest",
                    "lambda$onEnqueue$1",
                    "SqlConnectionPool.java",
                    309),
            new StackTraceElement("com.huibao.gateway.adapter.pg.PgReplayGuard", "firstUse", "PgReplayGuard.java", 20)
        });
        assertThat(PgErrors.translate(race)).isInstanceOf(Failure.Unavailable.class);
        assertThat(PgErrors.isUnavailable(new IllegalStateException("Promise already completed")))
                .isFalse();
    }

    @Test
    void a_constraint_violation_or_a_bug_is_not_an_outage() {
        PgException unique = new PgException("duplicate key", "ERROR", "23505", null);
        assertThat(PgErrors.isUnavailable(unique)).isFalse();
        assertThat(PgErrors.isUniqueViolation(unique)).isTrue();
        assertThat(PgErrors.isUnavailable(new IllegalStateException("a bug"))).isFalse();
        assertThat(PgErrors.translate(unique)).isSameAs(unique);
    }
}
