package com.huibao.gateway.app.patient;

import com.huibao.gateway.app.port.AccumulatorStore;
import com.huibao.gateway.app.port.Catalog;
import com.huibao.gateway.app.port.CatalogStore;
import com.huibao.gateway.app.port.InsurerCatalogStore;
import com.huibao.gateway.app.port.Names;
import com.huibao.gateway.app.port.PatientStore;
import com.huibao.gateway.app.security.Principal;
import com.huibao.gateway.domain.benefit.Accumulators;
import com.huibao.gateway.domain.benefit.BenefitBalance;
import com.huibao.gateway.domain.plan.Plan;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1/me/policies}: the patient's own policies, with the insurer's and the product's names and what is
 * left of each deductible and cap this year ({@link BenefitBalance}).
 */
public final class ListMyPoliciesUseCase {
    private final PatientStore store;
    private final CatalogStore catalog;
    private final AccumulatorStore accumulators;
    private final Names names;

    public ListMyPoliciesUseCase(PatientStore store, CatalogStore catalog, AccumulatorStore accumulators, Names names) {
        this.store = store;
        this.catalog = catalog;
        this.accumulators = accumulators;
        this.names = names;
    }

    /** A policy card: names, the edition's plan, balances (null when its plan is no longer published). */
    public record MyPolicy(
            InsurerCatalogStore.StoredPolicy stored, String insurerName, String planName, BenefitBalance balance) {}

    public Future<List<MyPolicy>> execute(Principal patient) {
        return store.policies(patient.tenant())
                .compose(policies -> catalog.current()
                        .compose(cat -> accumulators
                                .of(policies.stream()
                                        .map(p -> p.policy().policyNo())
                                        .toList())
                                .map(acc -> cards(policies, cat, acc))));
    }

    private List<MyPolicy> cards(
            List<InsurerCatalogStore.StoredPolicy> policies, Catalog cat, Map<String, Accumulators> acc) {
        List<MyPolicy> out = new ArrayList<>();
        for (InsurerCatalogStore.StoredPolicy s : policies) {
            Plan base = cat.plans().get(s.policy().planId());
            Plan plan = base == null
                            || s.policy().edition() != null
                                    && !base.editions().containsKey(s.policy().edition())
                    ? null
                    : base.forEdition(s.policy().edition());
            out.add(new MyPolicy(
                    s,
                    names.insurer(s.policy().insurerId()),
                    plan == null ? null : plan.name(),
                    plan == null
                            ? null
                            : BenefitBalance.of(
                                    s.policy(),
                                    plan,
                                    acc.getOrDefault(s.policy().policyNo(), Accumulators.EMPTY))));
        }
        return out;
    }
}
