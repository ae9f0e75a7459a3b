package com.huibao.gateway.adapter.pg;

import com.huibao.gateway.support.Dirs;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.flywaydb.core.Flyway;

/**
 * An embedded PostgreSQL for one adapter test class: its own data directory, migrated, a pool on it; removed when
 * closed.
 */
final class TestDatabase implements AutoCloseable {
    private final Path dir;
    private final EmbeddedDatabase db;
    private final Vertx vertx;
    private final Pool pool;

    private TestDatabase(Path dir, EmbeddedDatabase db, int poolSize) {
        this.dir = dir;
        this.db = db;
        this.vertx = Vertx.vertx();
        this.pool = PgPools.create(vertx, db.target(), poolSize);
    }

    /** Migrated to the newest schema. */
    static TestDatabase start(int poolSize) throws Exception {
        return start(poolSize, null, t -> {});
    }

    /**
     * Migrated to {@code version} first, where {@code then} writes rows as that schema had them, and then to the
     * newest schema.
     */
    static TestDatabase start(int poolSize, String version, Consumer<DbTarget> then) throws Exception {
        Path dir = Path.of("target/pg-" + UUID.randomUUID());
        EmbeddedDatabase db = EmbeddedDatabase.start(dir, 0, false);
        if (version != null) {
            Flyway.configure()
                    .dataSource(
                            db.target().jdbcUrl(),
                            db.target().user(),
                            db.target().password())
                    .locations("classpath:db/migration")
                    .target(version)
                    .load()
                    .migrate();
            then.accept(db.target());
        }
        Migrations.migrate(db.target());
        return new TestDatabase(dir, db, poolSize);
    }

    DbTarget target() {
        return db.target();
    }

    Vertx vertx() {
        return vertx;
    }

    Pool pool() {
        return pool;
    }

    /** The result of {@code f}, waited for up to a minute. */
    static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        await(pool.close());
        await(vertx.close());
        db.close();
        Dirs.deleteQuietly(dir);
    }
}
