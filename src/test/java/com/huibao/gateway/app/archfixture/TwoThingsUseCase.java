package com.huibao.gateway.app.archfixture;

import io.vertx.sqlclient.Pool;

/** Fixture of ArchitectureRulesBiteTest: a use case with two operations and SQL of its own. Never used. */
public final class TwoThingsUseCase {
    private final Pool pool;

    public TwoThingsUseCase(Pool pool) {
        this.pool = pool;
    }

    public Object first() {
        return pool;
    }

    public Object second() {
        return pool;
    }
}
