package com.huibao.gateway.adapter.pg;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.util.function.Supplier;

/** The database part of {@code /health/ready}: reachable, and migrated to the schema this build needs. */
public final class PgReadiness {
    private static final String APPLIED =
            "SELECT version FROM flyway_schema_history WHERE success " + "ORDER BY installed_rank DESC LIMIT 1";

    private PgReadiness() {}

    /** A check answering the applied schema version, or failing when the database is not there or not migrated. */
    public static Supplier<Future<String>> check(Pool pool, String expectedSchema) {
        return () -> pool.query(APPLIED).execute().map(rows -> {
            String applied = rows.iterator().next().getString(0);
            if (!expectedSchema.equals(applied)) {
                throw new IllegalStateException("schema is at " + applied + ", this build needs " + expectedSchema);
            }
            return applied;
        });
    }
}
