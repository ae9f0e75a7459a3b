package com.huibao.gateway.adapter.http.archfixture;

import com.huibao.gateway.adapter.pg.PgErrors;

/** Fixture of ArchitectureRulesBiteTest: an http class using the pg adapter directly. Never used. */
public final class HandlerReachingIntoPg {
    public boolean unavailable(Throwable t) {
        return PgErrors.isUnavailable(t);
    }
}
