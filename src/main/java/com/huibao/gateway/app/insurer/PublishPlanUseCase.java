package com.huibao.gateway.app.insurer;

import com.huibao.gateway.app.port.CatalogStore;
import com.huibao.gateway.app.port.InsurerCatalogStore;
import com.huibao.gateway.app.security.Principal;
import com.huibao.gateway.domain.plan.Plan;
import com.huibao.gateway.domain.plan.PlanValidator;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import com.huibao.gateway.domain.validation.Violation;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code PUT /v1/plans/{plan_id}}: an insurer publishes its plan, checked as the engine reads it (its own lists
 * only); a document different from the newest version becomes a new version, so claims keep the version they were
 * computed with.
 */
public final class PublishPlanUseCase {
    private final InsurerCatalogStore store;
    private final CatalogStore catalog;

    public PublishPlanUseCase(InsurerCatalogStore store, CatalogStore catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    /** {@code document}: the plan as sent, stored and answered as published. */
    public Future<InsurerCatalogStore.Published> execute(Principal insurer, String planId, Plan plan, String document) {
        List<Violation> v = new ArrayList<>();
        if (!planId.equals(plan.planId())) {
            v.add(new Violation("plan_id", "ID_MISMATCH", "plan_id must equal the URL's " + planId));
        }
        if (!insurer.tenant().equals(plan.insurerId())) {
            v.add(new Violation(
                    "insurer_id", "NOT_YOUR_INSURER_ID", "insurer_id must be the caller's, " + insurer.tenant()));
        }
        return catalog.current().compose(c -> {
            Predicate<String> ownList =
                    id -> insurer.tenant().equals(c.listOwners().get(id));
            v.addAll(PlanValidator.validate(plan, "", ownList));
            plan.editions().forEach((id, e) -> v.addAll(PlanValidator.validate(e, "editions." + id + ".", ownList)));
            if (!v.isEmpty()) {
                throw InvalidDocumentException.inconsistent(v);
            }
            return store.publishPlan(insurer.tenant(), planId, document)
                    .map(p -> p.orElseThrow(() -> InsurerDocumentsNotFound.plan(planId)));
        });
    }
}
