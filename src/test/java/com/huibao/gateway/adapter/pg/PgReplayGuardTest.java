package com.huibao.gateway.adapter.pg;

import static com.huibao.gateway.adapter.pg.TestDatabase.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.huibao.gateway.support.Sql;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The replay defence on a real PostgreSQL: a token id is accepted once per client, and the purge forgets exactly the
 * tokens that have expired (an expired token is refused by its {@code exp} before its id is looked up), in batches,
 * and two instances purging at once delete each id once.
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
    void two_instances_purging_at_once_delete_each_expired_id_once() throws Exception {
        for (int i = 0; i < 400; i++) {
            await(guard.firstUse("fleet-client", "old-" + i, NOW.minusSeconds(7200 + i), NOW.minusSeconds(7500)));
        }
        Instant later = NOW.minusSeconds(3600); // only these 400 have expired by then

        List<Future<Integer>> passes = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            passes.add(guard.purge(later, 100));
        }
        int deleted = 0;
        for (Future<Integer> p : passes) {
            deleted += await(p);
        }
        while (true) {
            int more = await(guard.purge(later, 100));
            if (more == 0) {
                break;
            }
            deleted += more;
        }

        assertThat(deleted).isEqualTo(400);
        assertThat(Sql.count(db.target(), "SELECT count(*) FROM used_tokens WHERE client_id = 'fleet-client'"))
                .isZero();
    }

    @Test
    void the_purge_forgets_the_expired_tokens_and_keeps_the_live_ones() throws Exception {
        for (int i = 0; i < 30; i++) {
            await(guard.firstUse("purge-client", "expired-" + i, NOW.minusSeconds(1 + i), NOW.minusSeconds(300)));
        }
        for (int i = 0; i < 5; i++) {
            await(guard.firstUse("purge-client", "live-" + i, NOW.plusSeconds(1 + i), NOW));
        }

        assertThat(await(guard.purge(NOW, 12))).isEqualTo(12);
        assertThat(await(guard.purge(NOW, 12))).isEqualTo(12);
        assertThat(await(guard.purge(NOW, 12))).as("the rest of the expired").isEqualTo(6);
        assertThat(await(guard.purge(NOW, 12))).isZero();
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
