package com.huibao.gateway.app.port;

import com.huibao.gateway.domain.coverage.ListCatalog;
import com.huibao.gateway.domain.plan.Plan;
import java.util.Map;

/**
 * The plans (newest version of each, with its version number) and coverage lists in force for adjudication, and
 * which insurer owns each list.
 */
public record Catalog(
        long version,
        Map<String, Plan> plans,
        Map<String, Integer> planVersions,
        ListCatalog lists,
        Map<String, String> listOwners) {

    public Catalog {
        plans = Map.copyOf(plans);
        planVersions = Map.copyOf(planVersions);
        listOwners = Map.copyOf(listOwners);
    }
}
