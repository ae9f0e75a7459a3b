package com.huibao.gateway.app.shared;

import com.huibao.gateway.app.port.AccumulatorStore;
import com.huibao.gateway.app.port.Catalog;
import com.huibao.gateway.app.port.CatalogStore;
import com.huibao.gateway.app.port.ConsentStore;
import com.huibao.gateway.app.port.InstitutionRegistry;
import com.huibao.gateway.app.port.PersonKeys;
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
import java.util.List;
import java.util.Map;

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

    /** The cases, the catalog and registry they were built against, and the patient's opaque person key. */
    public record Cases(Catalog catalog, Institutions institutions, List<PolicyCase> cases, String personKey) {

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

    private Future<Cases> load(SetlInfo setlinfo, Purpose purpose, boolean withAccumulators) {
        String person = keys.personKey(setlinfo.psnCertType(), setlinfo.certno());
        Future<List<Policy>> ps = policies.byPerson(person, setlinfo.psnCertType(), setlinfo.certno());
        Future<Catalog> cat = catalog.current();
        Future<List<Consent>> cs = consents.forPerson(person);
        return Future.all(ps, cat, cs)
                .compose(all -> withAccumulators
                        ? accumulators.of(
                                ps.result().stream().map(Policy::policyNo).toList())
                        : Future.succeededFuture(Map.<String, Accumulators>of()))
                .map(acc -> new Cases(
                        cat.result(),
                        institutions.current(),
                        cases(setlinfo, purpose, ps.result(), cat.result(), cs.result(), acc),
                        person));
    }

    private List<PolicyCase> cases(
            SetlInfo setlinfo,
            Purpose purpose,
            List<Policy> policies,
            Catalog catalog,
            List<Consent> consents,
            Map<String, Accumulators> acc) {
        List<PolicyCase> out = new ArrayList<>(policies.size());
        for (Policy p : policies) {
            Plan base = catalog.plans().get(p.planId());
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
