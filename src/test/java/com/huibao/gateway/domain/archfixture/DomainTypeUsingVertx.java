package com.huibao.gateway.domain.archfixture;

import com.huibao.gateway.domain.archfixtureb.PointsBack;
import io.vertx.core.Future;

/** Fixture of ArchitectureRulesBiteTest: a domain type that reaches for Vert.x and forms a cycle. Never used. */
public final class DomainTypeUsingVertx {
    public Future<String> later() {
        return Future.succeededFuture("x");
    }

    public PointsBack other() {
        return new PointsBack();
    }
}
