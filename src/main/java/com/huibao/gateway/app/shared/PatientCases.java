package com.huibao.gateway.app.shared;

import com.huibao.gateway.app.port.AccumulatorStore;
import com.huibao.gateway.app.port.Catalog;
import com.huibao.gateway.app.port.CatalogStore;
import com.huibao.gateway.app.port.ConsentStore;
import com.huibao.gateway.app.port.InstitutionRegistry;
import com.huibao.gateway.app.port.PersonKeys;
import com.huibao.gateway.app.port.PlanVersion;
import com.huibao.gateway.app.port.PolicyStore;
import com.huibao.gateway.domain.benefit.Accumulators;
import com.huibao.gateway.domain.benefit.BenefitEngine;
import com.huibao.gateway.domain.benefit.PolicyCase;
import com.huibao.gateway.domain.consent.Consent;
import com.huibao.gateway.domain.consent.ConsentRules;
import com.huibao.gateway.domain.consent.Purpose;
import com.huibao.gateway.domain.institution.Institutions;
import com.huibao.gateway.domain.plan.Plan;
import com.huibao.gateway.domain.policy.Policy;
import com.huibao.gateway.domain.settlement.SetlInfo;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Gathers what the engine needs for one patient's settlement: their policies, the plans and lists, each policy's
 * accumulators, and, per policy, whether the patient authorized its insurer for the purpose (a denied policy pays 0
 * with the denial's reason).
 */
public final class PatientCases {
    private final PersonKeys keys;
    private final PolicyStore policies;
    private final CatalogStore catalog;
    private final AccumulatorStore accumulators;
    private final ConsentStore consents;
    private final ConsentRules rules;
    private final InstitutionRegistry institutions;
    private final Clock clock;

    public PatientCases(
            PersonKeys keys,
            PolicyStore policies,
            CatalogStore catalog,
            AccumulatorStore accumulators,
            ConsentStore consents,
            ConsentRules rules,
            InstitutionRegistry institutions,
            Clock clock) {
        this.institutions = institutions;
        this.keys = keys;
        this.policies = policies;
        this.catalog = catalog;
        this.accumulators = accumulators;
        this.consents = consents;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * The cases, the catalog and registry they were built against, the version of each plan the cases hold (the
     * catalog's, unless loaded {@link #loadAsConfirmed as confirmed}), and the patient's opaque person key.
     */
    public record Cases(
            Catalog catalog,
            Map<String, Integer> planVersions,
            Institutions institutions,
            List<PolicyCase> cases,
            String personKey) {

        /** The engine over this catalog's lists and this registry. */
        public BenefitEngine engine() {
            return new BenefitEngine(catalog.lists(), institutions);
        }
    }

    /** The cases with each policy's accumulators as they are now: for a preview, which writes nothing. */
    public Future<Cases> load(SetlInfo setlinfo, Purpose purpose) {
        return load(setlinfo, purpose, true);
    }

    /**
     * The cases without reading the accumulators, each case's {@link Accumulators#EMPTY}: for a claim decided under
     * its policies' locks (confirm, quick, proactive and invoice claims), which reads them there. Reading them here
     * too cost a statement per claim for nothing (docs/PERFORMANCE.md).
     */
    public Future<Cases> loadToDecideUnderLock(SetlInfo setlinfo, Purpose purpose) {
        return load(setlinfo, purpose, false);
    }

    /**
     * The cases of a settlement already confirmed, with each plan at the version it was confirmed under ({@code
     * versions}: plan id → version; a plan not named there is the one in force) and each policy's accumulators as
     * they are now: for a partial refund, which re-adjudicates the settlement under the terms it was settled under
     * even when the insurer has published a new version since.
     */
    public Future<Cases> loadAsConfirmed(SetlInfo setlinfo, Purpose purpose, Map<String, Integer> versions) {
        if (versions.isEmpty()) {
            return load(setlinfo, purpose, true);
        }
        Set<PlanVersion> wanted = new HashSet<>();
        versions.forEach((planId, version) -> wanted.add(new PlanVersion(planId, version)));
        return catalog.plansAt(wanted).compose(asConfirmed -> load(setlinfo, purpose, true, asConfirmed));
    }

    private Future<Cases> load(SetlInfo setlinfo, Purpose purpose, boolean withAccumulators) {
        return load(setlinfo, purpose, withAccumulators, Map.of());
    }

    private Future<Cases> load(
            SetlInfo setlinfo, Purpose purpose, boolean withAccumulators, Map<PlanVersion, Plan> asConfirmed) {
        String person = keys.personKey(setlinfo.psnCertType(), setlinfo.certno());
        Future<List<Policy>> ps = policies.byPerson(person, setlinfo.psnCertType(), setlinfo.certno());
        Future<Catalog> cat = catalog.current();
        Future<List<Consent>> cs = consents.forPerson(person);
        return Future.all(ps, cat, cs)
                .compose(all -> withAccumulators
                        ? accumulators.of(
                                ps.result().stream().map(Policy::policyNo).toList())
                        : Future.succeededFuture(Map.<String, Accumulators>of()))
                .map(acc -> {
                    Map<String, Plan> plans = cat.result().plans();
                    Map<String, Integer> planVersions = cat.result().planVersions();
                    if (!asConfirmed.isEmpty()) {
                        plans = new HashMap<>(plans);
                        planVersions = new HashMap<>(planVersions);
                        for (Map.Entry<PlanVersion, Plan> e : asConfirmed.entrySet()) {
                            plans.put(e.getKey().planId(), e.getValue());
                            planVersions.put(e.getKey().planId(), e.getKey().version());
                        }
                    }
                    return new Cases(
                            cat.result(),
                            Map.copyOf(planVersions),
                            institutions.current(),
                            cases(setlinfo, purpose, ps.result(), plans, cs.result(), acc),
                            person);
                });
    }

    private List<PolicyCase> cases(
            SetlInfo setlinfo,
            Purpose purpose,
            List<Policy> policies,
            Map<String, Plan> plans,
            List<Consent> consents,
            Map<String, Accumulators> acc) {
        List<PolicyCase> out = new ArrayList<>(policies.size());
        for (Policy p : policies) {
            Plan base = plans.get(p.planId());
            if (base == null || p.edition() != null && !base.editions().containsKey(p.edition())) {
                continue; // a policy of a withdrawn plan or edition pays nothing; the insurer API refuses to create
                // such
            }
            Plan plan = base.forEdition(p.edition());
            String denial = rules.denial(consents, p.insurerId(), purpose, setlinfo.setlTime(), clock.instant());
            out.add(new PolicyCase(p, plan, acc.getOrDefault(p.policyNo(), Accumulators.EMPTY), denial));
        }
        return out;
    }
}
