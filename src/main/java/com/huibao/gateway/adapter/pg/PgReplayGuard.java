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

    /** Deletes the ids of tokens that expired before {@code now}; returns how many. */
    public Future<Integer> purge(Instant now) {
        return pool.preparedQuery("DELETE FROM used_tokens WHERE expires_at < $1")
                .execute(Tuple.of(now.atOffset(ZoneOffset.UTC)))
                .map(r -> r.rowCount());
    }
}
