package com.huibao.gateway.adapter.pg;

import com.huibao.gateway.app.port.AccessLog;
import com.huibao.gateway.app.security.Principal;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The access log on PostgreSQL. A read whose access cannot be recorded is not served (the caller fails). */
public final class PgAccessLog implements AccessLog {
    private final Pool pool;

    public PgAccessLog(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Future<Void> record(
            String personKey, Principal actor, String action, String purpose, String subject, Instant at) {
        return pool.preparedQuery("INSERT INTO access_log (person_key, at, actor_role, actor_id, actor_tenant, action, "
                        + "purpose, subject) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
                .execute(Tuple.of(
                        personKey,
                        at.atOffset(ZoneOffset.UTC),
                        actor.role().name(),
                        actor.id(),
                        actor.tenant(),
                        action,
                        purpose,
                        subject))
                .<Void>mapEmpty()
                .recover(e -> Future.failedFuture(PgErrors.translate(e)));
    }

    @Override
    public Future<List<Entry>> forPerson(String personKey, int limit) {
        return pool.preparedQuery(
                        "SELECT at, actor_role, actor_id, actor_tenant, action, purpose, subject FROM access_log "
                                + "WHERE person_key = $1 ORDER BY at DESC, id DESC LIMIT $2")
                .execute(Tuple.of(personKey, limit))
                .map(rows -> {
                    List<Entry> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new Entry(
                                r.getOffsetDateTime(0).toInstant(),
                                r.getString(1),
                                r.getString(2),
                                r.getString(3),
                                r.getString(4),
                                r.getString(5),
                                r.getString(6)));
                    }
                    return out;
                })
                .recover(e -> Future.failedFuture(PgErrors.translate(e)));
    }
}
