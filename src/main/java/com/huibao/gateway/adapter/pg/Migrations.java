package com.huibao.gateway.adapter.pg;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/** Flyway owns the schema: migrations from {@code classpath:db/migration} run at start-up (blocking, once). */
public final class Migrations {
    private Migrations() {}

    /** Applies pending migrations; returns the schema version now in place. */
    public static String migrate(DbTarget db) {
        Flyway flyway = flyway(db);
        flyway.migrate();
        MigrationInfo current = flyway.info().current();
        return current == null ? "0" : current.getVersion().getVersion();
    }

    /** The newest migration this build ships: what readiness expects to find applied. */
    public static String latestAvailable(DbTarget db) {
        MigrationInfo[] all = flyway(db).info().all();
        return all.length == 0 ? "0" : all[all.length - 1].getVersion().getVersion();
    }

    private static Flyway flyway(DbTarget db) {
        return Flyway.configure()
                .dataSource(db.jdbcUrl(), db.user(), db.password())
                .locations("classpath:db/migration")
                .load();
    }
}
