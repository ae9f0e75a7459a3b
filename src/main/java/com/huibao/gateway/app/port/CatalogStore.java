package com.huibao.gateway.app.port;

import com.huibao.gateway.domain.plan.Plan;
import io.vertx.core.Future;
import java.util.Map;
import java.util.Set;

/** Where plans and coverage lists live; implementations may cache, but must notice writes of other instances. */
public interface CatalogStore {
    Future<Catalog> current();

    /**
     * Each plan as it was published at that version, whether or not a later one replaced it: what a claim was
     * adjudicated under. A version that was never stored is left out of the answer. Published versions never change,
     * so implementations may keep them.
     */
    Future<Map<PlanVersion, Plan>> plansAt(Set<PlanVersion> versions);
}
