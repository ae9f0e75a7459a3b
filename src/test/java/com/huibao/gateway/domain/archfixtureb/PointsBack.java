package com.huibao.gateway.domain.archfixtureb;

import com.huibao.gateway.domain.archfixture.DomainTypeUsingVertx;

/** Fixture of ArchitectureRulesBiteTest: closes a package cycle in the domain. Never used. */
public final class PointsBack {
    public Class<?> back() {
        return DomainTypeUsingVertx.class;
    }
}
