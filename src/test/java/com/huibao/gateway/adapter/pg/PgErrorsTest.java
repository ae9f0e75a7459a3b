package com.huibao.gateway.adapter.pg;

import static org.assertj.core.api.Assertions.assertThat;

import com.huibao.gateway.app.Failure;
import io.vertx.pgclient.PgException;
import java.net.SocketException;
import org.junit.jupiter.api.Test;

/** Which database failures are outages (503, retry) and which are not. */
class PgErrorsTest {
  @Test
  void a_connection_cut_by_a_stopping_server_is_an_outage_even_when_wrapped() {
    // found by scripts/chaos: a PostgreSQL restart mid-load gave three 500s with this cause
    SocketException reset = new SocketException("Connection reset");
    assertThat(PgErrors.isUnavailable(reset)).isTrue();
    assertThat(PgErrors.isUnavailable(new IllegalStateException("query failed", reset))).isTrue();
    assertThat(PgErrors.translate(reset)).isInstanceOf(Failure.Unavailable.class);
    assertThat(PgErrors.isUnavailable(new PgException("terminating connection", "FATAL", "57P01", null))).isTrue();
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
