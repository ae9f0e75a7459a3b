package com.huibao.gateway.adapter.pg;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Links committed audit records into the SM3 chain. Each pass, in one transaction: takes the chain's head
 * ({@code FOR UPDATE SKIP LOCKED}: when another instance is chaining, this one skips the pass), reads the oldest
 * pending records that are committed (uncommitted ones are invisible and wait for a later pass), gives each the next
 * seq and its hash, inserts them into {@code audit_log}, deletes them from {@code audit_pending} (a trigger lets a
 * pending record go only once its copy is in the log) and moves the head. Every instance runs one; a record written
 * by an instance that died is chained by any other, or by the next start.
 */
public final class PgAuditChainer {
    private static final Logger LOG = LoggerFactory.getLogger(PgAuditChainer.class);

    private final Vertx vertx;
    private final Pool pool;
    private final long intervalMillis;
    private final int batch;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean failing = new AtomicBoolean();
    private final AtomicLong lastPass = new AtomicLong(System.currentTimeMillis());
    private final Counter chained;
    private long timer = -1;
    private volatile Future<Integer> current = Future.succeededFuture(0);

    public PgAuditChainer(Vertx vertx, Pool pool, long intervalMillis, int batch, MeterRegistry metrics) {
        this.vertx = vertx;
        this.pool = pool;
        this.intervalMillis = intervalMillis;
        this.batch = batch;
        this.chained = Counter.builder("huibao_audit_chained")
                .description("audit records linked into the chain")
                .register(metrics);
        metrics.gauge(
                "huibao_audit_chainer_idle_seconds", lastPass, t -> (System.currentTimeMillis() - t.get()) / 1000.0);
    }

    public void start() {
        timer = vertx.setPeriodic(intervalMillis, id -> tick());
    }

    /** Stops the timer, lets the pass in flight finish, then chains what is left (graceful shutdown). */
    public Future<Void> stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        return current.otherwiseEmpty().compose(v -> drain()).otherwiseEmpty().mapEmpty();
    }

    private void tick() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        Future<Integer> pass = drain();
        current = pass;
        pass.onComplete(ar -> {
            running.set(false);
            if (ar.succeeded()) {
                lastPass.set(System.currentTimeMillis());
                if (failing.compareAndSet(true, false)) {
                    LOG.info("audit chainer working again");
                }
            } else if (failing.compareAndSet(false, true)) {
                // once per outage, not every interval; the records wait in audit_pending and nothing is lost
                LOG.warn(
                        "audit chainer cannot reach the database, retrying every {} ms: {}",
                        intervalMillis,
                        ar.cause().toString());
            }
        });
    }

    /** Chains until a pass finds less than a full batch; completes with how many records were chained. */
    public Future<Integer> drain() {
        return chainOnce().compose(n -> n < batch ? Future.succeededFuture(n) : drain().map(m -> n + m));
    }

    /** One pass: up to one batch of committed records linked, in one transaction. */
    public Future<Integer> chainOnce() {
        return pool.withTransaction(tx -> tx.query(
                                "SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE SKIP LOCKED")
                        .execute()
                        .compose(head -> head.size() == 0
                                ? Future.succeededFuture(0)
                                : link(tx, head.iterator().next())))
                .onSuccess(n -> chained.increment(n));
    }

    private Future<Integer> link(SqlConnection tx, Row head) {
        return tx.preparedQuery(
                        "SELECT id, at, actor, action, subject, details FROM audit_pending ORDER BY id LIMIT $1")
                .execute(Tuple.of(batch))
                .compose(pending -> pending.size() == 0 ? Future.succeededFuture(0) : write(tx, head, pending));
    }

    private static Future<Integer> write(SqlConnection tx, Row head, RowSet<Row> pending) {
        long seq = head.getLong(0);
        String prev = head.getString(1);
        List<Tuple> records = new ArrayList<>(pending.size());
        Long[] ids = new Long[pending.size()];
        for (Row r : pending) {
            seq++;
            Instant at = r.getOffsetDateTime(1).toInstant();
            String hash = PgAudit.hash(prev, seq, at, r.getString(2), r.getString(3), r.getString(4), r.getString(5));
            records.add(Tuple.of(
                            seq,
                            at.atOffset(ZoneOffset.UTC),
                            r.getString(2),
                            r.getString(3),
                            r.getString(4),
                            r.getString(5),
                            prev,
                            hash)
                    .addLong(r.getLong(0)));
            ids[records.size() - 1] = r.getLong(0);
            prev = hash;
        }
        long last = seq;
        String lastHash = prev;
        return tx.preparedQuery("INSERT INTO audit_log (seq, at, actor, action, subject, details, prev_hash, hash, "
                        + "pending_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)")
                .executeBatch(records)
                .compose(v -> tx.preparedQuery("WITH moved AS (DELETE FROM audit_pending WHERE id = ANY($1)) "
                                + "UPDATE audit_head SET seq = $2, hash = $3 WHERE id = 1")
                        .execute(Tuple.of(ids, last, lastHash)))
                .map(records.size());
    }
}
