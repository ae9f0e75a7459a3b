package com.huibao.gateway.app.insurer;

import com.huibao.gateway.app.port.Catalog;
import com.huibao.gateway.app.port.CatalogStore;
import com.huibao.gateway.app.port.InsurerCatalogStore;
import com.huibao.gateway.app.security.Principal;
import com.huibao.gateway.domain.plan.Plan;
import com.huibao.gateway.domain.policy.Policy;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import com.huibao.gateway.domain.validation.Violation;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** {@code POST /v1/policies}: one policy or up to {@value #MAX_BATCH}, all or nothing, every bad row named. */
public final class EnrollPoliciesUseCase {
    public static final int MAX_BATCH = 10_000;

    private final InsurerCatalogStore store;
    private final CatalogStore catalog;

    public EnrollPoliciesUseCase(InsurerCatalogStore store, CatalogStore catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    /** {@code batch}: the request was an array (violations are then named {@code [i].field}). */
    public Future<InsurerCatalogStore.PolicyBatch> execute(Principal insurer, List<Policy> policies, boolean batch) {
        if (policies.size() > MAX_BATCH) {
            throw InvalidDocumentException.malformed(List.of(new Violation(
                    "", "BATCH_TOO_LARGE", "at most " + MAX_BATCH + " policies per request, got " + policies.size())));
        }
        return catalog.current().compose(c -> {
            List<Violation> v = check(insurer, policies, c, batch);
            if (!v.isEmpty()) {
                throw InvalidDocumentException.inconsistent(v);
            }
            return store.insertPolicies(insurer.tenant(), policies);
        });
    }

    private static List<Violation> check(Principal insurer, List<Policy> policies, Catalog c, boolean batch) {
        List<Violation> v = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < policies.size(); i++) {
            Policy p = policies.get(i);
            String at = batch ? "[" + i + "]." : "";
            if (!seen.add(p.policyNo())) {
                v.add(new Violation(
                        at + "policy_no", "DUPLICATE_IN_BATCH", "policy_no " + p.policyNo() + " appears twice"));
            }
            if (!insurer.tenant().equals(p.insurerId())) {
                v.add(new Violation(
                        at + "insurer_id",
                        "NOT_YOUR_INSURER_ID",
                        "insurer_id must be the caller's, " + insurer.tenant()));
            }
            Plan plan = c.plans().get(p.planId());
            if (plan == null || !plan.insurerId().equals(insurer.tenant())) {
                v.add(new Violation(at + "plan_id", "UNKNOWN_PLAN", "no plan " + p.planId() + " of this insurer"));
            } else if (p.edition() != null && !plan.editions().containsKey(p.edition())) {
                v.add(new Violation(
                        at + "edition", "UNKNOWN_EDITION", "plan " + p.planId() + " has no edition " + p.edition()));
            } else {
                Plan used = plan.forEdition(p.edition());
                p.deductibles().keySet().stream()
                        .filter(pool -> used.pool(pool) == null)
                        .forEach(pool -> v.add(new Violation(
                                at + "deductibles." + pool,
                                "UNKNOWN_POOL",
                                "plan " + p.planId() + " has no deductible pool " + pool)));
            }
        }
        return v;
    }
}
