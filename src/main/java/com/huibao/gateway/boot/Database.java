package com.huibao.gateway.boot;

import com.huibao.gateway.adapter.pg.DbTarget;
import com.huibao.gateway.adapter.pg.EmbeddedDatabase;
import com.huibao.gateway.adapter.pg.Migrations;
import com.huibao.gateway.boot.config.GatewayConfig;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database of this instance: the embedded PostgreSQL (started here) or the external one, migrated to this
 * build's schema, which {@code /health/ready} then expects.
 */
record Database(DbTarget target, EmbeddedDatabase embedded, String expectedSchema) {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    /** Starts (embedded) or reaches (external) the database and migrates it; blocks. */
    static Database open(GatewayConfig.DbConfig config) throws IOException {
        EmbeddedDatabase embedded = null;
        try {
            DbTarget target;
            if (config.embedded()) {
                embedded = EmbeddedDatabase.start(config.embeddedDir(), config.embeddedPort(), false);
                target = embedded.target();
                LOG.info("embedded PostgreSQL started on port {} with data in {}", target.port(), config.embeddedDir());
            } else {
                target = DbTarget.parse(config.url(), config.user(), config.password());
            }
            String schema = Migrations.migrate(target);
            LOG.info("database {} migrated to schema version {}", target, schema);
            return new Database(target, embedded, Migrations.latestAvailable(target));
        } catch (IOException | RuntimeException e) {
            new Database(null, embedded, null).close();
            throw e;
        }
    }

    /** Stops the embedded database, if this instance started one. */
    void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                LOG.warn("embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
            }
        }
    }
}
