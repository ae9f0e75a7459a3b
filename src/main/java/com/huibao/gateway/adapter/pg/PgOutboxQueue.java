package com.huibao.gateway.adapter.pg;

import com.huibao.gateway.app.port.OutboxQueue;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The outbox queue on PostgreSQL: a lease is one short transaction ({@code FOR UPDATE SKIP LOCKED}, so instances
 * never lease the same event), the settling of each delivery one statement.
 */
public final class PgOutboxQueue implements OutboxQueue {
    /**
     * Up to $1 due events, each the earliest undelivered one of its ordering key, locked: per insurer with a webhook,
     * its pending events in order (index {@code outbox_pending}), so the backlog of an insurer without a webhook is never
     * read; a paused insurer ({@code retry_at} ahead) is skipped. The outer limit may leave a few rows locked, not
     * leased, until the commit.
     */
    public static final String DUE = "SELECT e.id FROM webhooks w CROSS JOIN LATERAL (SELECT o.id, o.seq FROM outbox o "
            + "WHERE o.insurer_id = w.insurer_id AND o.state = 'PENDING' AND o.next_attempt_at <= now() "
            + "AND (o.lease_until IS NULL OR o.lease_until < now()) AND NOT EXISTS (SELECT 1 FROM outbox b "
            + "WHERE b.ordering_key = o.ordering_key AND b.seq < o.seq AND b.state <> 'DELIVERED') "
            + "ORDER BY o.seq LIMIT $1 FOR UPDATE OF o SKIP LOCKED) e WHERE w.retry_at IS NULL OR w.retry_at <= now() "
            + "ORDER BY e.seq LIMIT $1";

    private static final String LEASE = "UPDATE outbox o SET lease_until = now() + $2 * interval '1 millisecond', "
            + "attempts = attempts + 1 FROM webhooks w WHERE o.id = ANY($1) AND w.insurer_id = o.insurer_id "
            + "RETURNING o.id, o.insurer_id, w.url, o.payload, o.attempts, o.created_at, o.type, w.signature_alg, "
            + "o.payload_z";
    private static final String DELIVERED =
            "UPDATE outbox SET state = 'DELIVERED', delivered_at = now(), " + "lease_until = NULL WHERE id = $1";
    private static final String FAILED = "UPDATE outbox SET state = $2, lease_until = NULL, last_error = $3, "
            + "next_attempt_at = now() + $4 * interval '1 millisecond' WHERE id = $1";
    private static final String RESUME =
            "UPDATE webhooks SET retry_at = NULL WHERE insurer_id = ANY($1) " + "AND retry_at IS NOT NULL";
    private static final String PAUSE = "UPDATE webhooks w SET retry_at = m.at FROM (SELECT insurer_id, "
            + "min(next_attempt_at) AS at FROM outbox WHERE id = ANY($1) AND state = 'PENDING' GROUP BY insurer_id) m "
            + "WHERE w.insurer_id = m.insurer_id";
    private static final int MAX_ERROR = 500;

    private final Pool pool;

    public PgOutboxQueue(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Future<List<Leased>> lease(int batch, Duration lease) {
        return pool.withTransaction(tx -> tx.preparedQuery(DUE)
                .execute(Tuple.of(batch))
                .compose(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    rows.forEach(r -> ids.add(r.getUUID(0)));
                    if (ids.isEmpty()) {
                        return Future.succeededFuture(List.<Leased>of());
                    }
                    return tx.preparedQuery(LEASE)
                            .execute(Tuple.of(ids.toArray(UUID[]::new), lease.toMillis()))
                            .map(updated -> {
                                List<Leased> out = new ArrayList<>();
                                for (Row r : updated) {
                                    out.add(new Leased(
                                            r.getUUID(0),
                                            r.getString(1),
                                            r.getString(2),
                                            CompactText.read(r, 3, 8),
                                            r.getInteger(4),
                                            r.getOffsetDateTime(5).toInstant(),
                                            r.getString(6),
                                            r.getString(7)));
                                }
                                return out;
                            });
                }));
    }

    @Override
    public Future<Void> delivered(UUID id) {
        return pool.preparedQuery(DELIVERED).execute(Tuple.of(id)).mapEmpty();
    }

    @Override
    public Future<Void> failed(UUID id, String error, Duration retryIn, boolean park) {
        return pool.preparedQuery(FAILED)
                .execute(Tuple.of(
                        id,
                        park ? "PARKED" : "PENDING",
                        error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error,
                        retryIn.toMillis()))
                .mapEmpty();
    }

    @Override
    public Future<Void> resume(Collection<String> insurerIds) {
        return insurerIds.isEmpty()
                ? Future.succeededFuture()
                : pool.preparedQuery(RESUME)
                        .execute(Tuple.of(insurerIds.toArray(String[]::new)))
                        .mapEmpty();
    }

    @Override
    public Future<Void> pauseUntilNextAttempt(Collection<UUID> failedEventIds) {
        return failedEventIds.isEmpty()
                ? Future.succeededFuture()
                : pool.preparedQuery(PAUSE)
                        .execute(Tuple.of(failedEventIds.toArray(UUID[]::new)))
                        .mapEmpty();
    }

    @Override
    public Future<Long> pendingCount() {
        return pool.query("SELECT count(*) FROM outbox WHERE state = 'PENDING'")
                .execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }
}
