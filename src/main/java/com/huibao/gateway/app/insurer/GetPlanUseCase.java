package com.huibao.gateway.app.insurer;

import com.huibao.gateway.app.port.InsurerCatalogStore;
import com.huibao.gateway.app.security.Principal;
import io.vertx.core.Future;
import java.util.OptionalInt;

/**
 * {@code GET /v1/plans/{plan_id}[?version=n]}: the newest version of one of the insurer's plans, or the version asked
 * for (the one a claim names in {@code plan_version}: what it was adjudicated, and a refund re-adjudicates it, under).
 */
public final class GetPlanUseCase {
    private final InsurerCatalogStore store;

    public GetPlanUseCase(InsurerCatalogStore store) {
        this.store = store;
    }

    /** @param version the version asked for; empty for the newest */
    public Future<InsurerCatalogStore.Published> execute(Principal insurer, String planId, OptionalInt version) {
        if (version.isEmpty()) {
            return store.plan(insurer.tenant(), planId)
                    .map(p -> p.orElseThrow(() -> InsurerDocumentsNotFound.plan(planId)));
        }
        int v = version.getAsInt();
        return store.planVersion(insurer.tenant(), planId, v)
                .map(p -> p.orElseThrow(() -> InsurerDocumentsNotFound.planVersion(planId, v)));
    }
}
