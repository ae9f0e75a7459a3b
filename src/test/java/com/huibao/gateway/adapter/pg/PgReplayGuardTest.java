package com.huibao.gateway.adapter.pg;

import static com.huibao.gateway.adapter.pg.TestDatabase.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.huibao.gateway.support.Sql;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The replay defence on a real PostgreSQL: a token id is accepted once per client, and the purge forgets exactly the
 * tokens that have expired (an expired token is refused by its {@code exp} before its id is looked up).
 */
class PgReplayGuardTest {
    private static final Instant NOW = Instant.parse("2026-12-05T08:00:00Z");

    private static TestDatabase db;
    private static PgReplayGuard guard;

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabase.start(4);
        guard = new PgReplayGuard(db.pool());
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @Test
    void a_token_id_is_accepted_once_per_client() throws Exception {
        Instant exp = NOW.plus(Duration.ofMinutes(5));

        assertThat(await(guard.firstUse("hospital-a", "jti-once", exp, NOW))).isTrue();
        assertThat(await(guard.firstUse("hospital-a", "jti-once", exp, NOW))).isFalse();
        assertThat(await(guard.firstUse("hospital-b", "jti-once", exp, NOW)))
                .as("another client's token may carry the same id")
                .isTrue();
    }

    @Test
    void the_purge_forgets_the_expired_tokens_and_keeps_the_live_ones() throws Exception {
        for (int i = 0; i < 30; i++) {
            await(guard.firstUse("purge-client", "expired-" + i, NOW.minusSeconds(1 + i), NOW.minusSeconds(300)));
        }
        for (int i = 0; i < 5; i++) {
            await(guard.firstUse("purge-client", "live-" + i, NOW.plusSeconds(1 + i), NOW));
        }

        int purged = await(guard.purge(NOW));

        assertThat(purged).isEqualTo(30);
        assertThat(Sql.count(
                        db.target(),
                        "SELECT count(*) FROM used_tokens WHERE client_id = 'purge-client' AND jti LIKE 'expired-%'"))
                .isZero();
        for (int i = 0; i < 5; i++) {
            assertThat(await(guard.firstUse("purge-client", "live-" + i, NOW.plusSeconds(1 + i), NOW)))
                    .as("a live token is still remembered after the purge")
                    .isFalse();
        }
    }
}
