package com.huibao.gateway.adapter.pg;

import com.huibao.gateway.app.port.ReplayGuard;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Token ids in PostgreSQL: the first insert of a (client, jti) wins on every instance sharing the database; rows
 * are purged once their token has expired ({@link #purge}).
 */
public final class PgReplayGuard implements ReplayGuard {
    /**
     * At most {@code $2} expired ids in one statement, so that no purge holds the database for long; rows another
     * instance is purging at the same moment are skipped, not waited for. The table has no index on
     * {@code expires_at} (V16): the scan stops once it has found its batch.
     */
    private static final String PURGE_BATCH = "DELETE FROM used_tokens WHERE ctid = ANY (ARRAY(SELECT ctid FROM "
            + "used_tokens WHERE expires_at < $1 LIMIT $2 FOR UPDATE SKIP LOCKED))";

    private final Pool pool;

    public PgReplayGuard(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Future<Boolean> firstUse(String clientId, String jti, Instant expiresAt, Instant now) {
        return pool.preparedQuery("INSERT INTO used_tokens (client_id, jti, expires_at) VALUES ($1, $2, $3) "
                        + "ON CONFLICT DO NOTHING")
                .execute(Tuple.of(clientId, jti, expiresAt.atOffset(ZoneOffset.UTC)))
                .map(r -> r.rowCount() == 1)
                .recover(e -> Future.failedFuture(PgErrors.translate(e)));
    }

    /** Deletes at most {@code batch} ids of tokens that expired before {@code now}; returns how many. */
    public Future<Integer> purge(Instant now, int batch) {
        return pool.preparedQuery(PURGE_BATCH)
                .execute(Tuple.of(now.atOffset(ZoneOffset.UTC), batch))
                .map(r -> r.rowCount());
    }
}
