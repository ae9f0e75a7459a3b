package com.huibao.gateway.adapter.pg;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.concurrent.TimeUnit;

/** The reactive pool all runtime queries go through. */
public final class PgPools {
    private PgPools() {}

    public static Pool create(Vertx vertx, DbTarget db, int size) {
        PgConnectOptions connect = new PgConnectOptions()
                .setHost(db.host())
                .setPort(db.port())
                .setDatabase(db.database())
                .setUser(db.user())
                .setPassword(db.password())
                .setCachePreparedStatements(true)
                .setReconnectAttempts(0);
        PoolOptions pool = new PoolOptions()
                .setMaxSize(size)
                .setMaxWaitQueueSize(4096)
                .setConnectionTimeout(5)
                .setConnectionTimeoutUnit(TimeUnit.SECONDS);
        return PgBuilder.pool().with(pool).connectingTo(connect).using(vertx).build();
    }
}
