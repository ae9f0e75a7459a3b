package com.huibao.gateway.adapter.pg;

import static com.huibao.gateway.adapter.pg.TestDatabase.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.huibao.gateway.support.Sql;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit chain on a real PostgreSQL with concurrent writers and two chainers (as two instances would run): every
 * committed record is chained exactly once, rolled-back ones never, a record whose transaction is still open waits
 * for its commit, and the chain verifies.
 */
class PgAuditChainerTest {
    private static TestDatabase db;
    private static Vertx vertx;
    private static Pool pool;

    @BeforeAll
    static void start() throws Exception {
        db = TestDatabase.start(16);
        vertx = db.vertx();
        pool = db.pool();
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @Test
    void concurrent_writers_and_two_chainers_make_one_chain_of_exactly_the_committed_records() throws Exception {
        // a small batch, so that passes of both chainers interleave many times
        PgAuditChainer a = new PgAuditChainer(vertx, pool, 5, 7, new SimpleMeterRegistry());
        PgAuditChainer b = new PgAuditChainer(vertx, pool, 5, 7, new SimpleMeterRegistry());
        a.start();
        b.start();

        // a change whose transaction stays open while everything else is written and chained
        SqlConnection longConn = await(pool.getConnection());
        Transaction longTx = await(longConn.begin());
        await(PgAudit.append(longConn, "TEST", "LONG", "long", "{}", Instant.now()));

        long before = Sql.count(db.target(), "SELECT count(*) FROM audit_log");
        List<Future<Void>> writes = new ArrayList<>();
        int committed = 0;
        for (int i = 0; i < 300; i++) {
            boolean rollBack = i % 5 == 0;
            int records = 1 + i % 3;
            if (!rollBack) {
                committed += records;
            }
            String subject = "s-" + i;
            writes.add(pool.withTransaction(tx -> {
                        Future<Void> f = Future.succeededFuture();
                        for (int r = 0; r < records; r++) {
                            String action = rollBack ? "ROLLED_BACK" : "WRITTEN";
                            f = f.compose(v -> PgAudit.append(tx, "TEST", action, subject, "{}", Instant.now()));
                        }
                        return rollBack ? f.compose(v -> Future.<Void>failedFuture("rolled back on purpose")) : f;
                    })
                    .otherwiseEmpty());
        }
        await(Future.join(writes).mapEmpty());
        Sql.awaitCount(db.target(), "SELECT count(*) FROM audit_log", before + committed, 30);
        assertThat(Sql.count(db.target(), "SELECT count(*) FROM audit_pending")).isZero();
        assertThat(Sql.count(db.target(), "SELECT count(*) FROM audit_log WHERE action = 'LONG'"))
                .isZero();

        await(longTx.commit());
        await(longConn.close());
        Sql.awaitCount(db.target(), "SELECT count(*) FROM audit_log WHERE action = 'LONG'", 1, 30);
        await(a.stop());
        await(b.stop());

        AuditVerifier.Result result = AuditVerifier.verify(db.target());
        assertThat(result.ok()).as(result.reason()).isTrue();
        assertThat(result.verified()).isEqualTo(before + committed + 1);
        assertThat(result.pending()).isZero();
        assertThat(Sql.count(db.target(), "SELECT count(*) FROM audit_log WHERE action = 'ROLLED_BACK'"))
                .isZero();
        // every committed record once: as many records per subject as its transaction wrote
        assertThat(
                        Sql.count(
                                db.target(),
                                "SELECT count(*) FROM (SELECT subject, count(*) n FROM audit_log "
                                        + "WHERE action = 'WRITTEN' GROUP BY subject) g WHERE n <> 1 + substr(subject, 3)::int % 3"))
                .isZero();
        // the long transaction's record was written first but chained last
        assertThat(Sql.count(db.target(), "SELECT seq FROM audit_log WHERE action = 'LONG'"))
                .isEqualTo(before + committed + 1);
    }

    @Test
    void a_stopping_chainer_chains_what_is_left() throws Exception {
        PgAuditChainer idle = new PgAuditChainer(vertx, pool, 60_000, 500, new SimpleMeterRegistry());
        idle.start();
        long before = Sql.count(db.target(), "SELECT count(*) FROM audit_log");
        await(pool.withTransaction(tx -> PgAudit.append(tx, "TEST", "AT_STOP", "stop", "{}", Instant.now())));
        assertThat(Sql.count(db.target(), "SELECT count(*) FROM audit_pending")).isEqualTo(1);
        await(idle.stop());
        assertThat(Sql.count(db.target(), "SELECT count(*) FROM audit_pending")).isZero();
        assertThat(Sql.count(db.target(), "SELECT count(*) FROM audit_log")).isEqualTo(before + 1);
        assertThat(AuditVerifier.verify(db.target()).ok()).isTrue();
    }
}
