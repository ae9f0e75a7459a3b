package com.huibao.gateway.app.eligibility;

import com.huibao.gateway.app.port.AccessLog;
import com.huibao.gateway.app.port.AccumulatorStore;
import com.huibao.gateway.app.port.Catalog;
import com.huibao.gateway.app.port.CatalogStore;
import com.huibao.gateway.app.port.ConsentStore;
import com.huibao.gateway.app.port.PersonKeys;
import com.huibao.gateway.app.port.PolicyStore;
import com.huibao.gateway.app.security.Principal;
import com.huibao.gateway.domain.benefit.Accumulators;
import com.huibao.gateway.domain.benefit.BenefitBalance;
import com.huibao.gateway.domain.consent.Consent;
import com.huibao.gateway.domain.consent.ConsentRules;
import com.huibao.gateway.domain.consent.Purpose;
import com.huibao.gateway.domain.plan.Plan;
import com.huibao.gateway.domain.policy.Policy;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /v1/eligibility}: before admission, which of the patient's commercial policies are in force on a day
 * and authorized for direct settlement, with what is left of each deductible and cap as of now (X12 270/271, HCX
 * coverage eligibility). Policies whose insurer the patient has not authorized for {@code DIRECT_SETTLEMENT} are
 * named by insurer and reason only, with no policy number and no balance, so that the hospital can tell the patient
 * what to authorize. The lookup is in the patient's access log.
 */
public final class CheckEligibilityUseCase {
    private final PersonKeys keys;
    private final PolicyStore policies;
    private final CatalogStore catalog;
    private final AccumulatorStore accumulators;
    private final ConsentStore consents;
    private final ConsentRules rules;
    private final AccessLog access;
    private final Clock clock;
    private final ZoneId zone;

    public CheckEligibilityUseCase(
            PersonKeys keys,
            PolicyStore policies,
            CatalogStore catalog,
            AccumulatorStore accumulators,
            ConsentStore consents,
            ConsentRules rules,
            AccessLog access,
            Clock clock,
            ZoneId zone) {
        this.keys = keys;
        this.policies = policies;
        this.catalog = catalog;
        this.accumulators = accumulators;
        this.consents = consents;
        this.rules = rules;
        this.access = access;
        this.clock = clock;
        this.zone = zone;
    }

    /** Who and for which day (null: today in Beijing). */
    public record Question(String psnCertType, String certno, LocalDate date) {}

    /** A policy the hospital may settle directly, and what is left of it. */
    public record Covered(Policy policy, Plan plan, Set<Purpose> purposes, BenefitBalance balance) {}

    /** A policy in force whose insurer the patient has not authorized for direct settlement. */
    public record NotAuthorized(String insurerId, String planId, String reason) {}

    public record Answer(LocalDate date, Instant asOf, List<Covered> covered, List<NotAuthorized> notAuthorized) {}

    public Future<Answer> execute(Principal hospital, Question q) {
        Instant now = clock.instant();
        LocalDate day = q.date() != null ? q.date() : LocalDate.ofInstant(now, zone);
        String person = keys.personKey(q.psnCertType(), q.certno());
        Future<List<Policy>> ps = policies.byPerson(person, q.psnCertType(), q.certno());
        Future<Catalog> cat = catalog.current();
        Future<List<Consent>> cs = consents.forPerson(person);
        return Future.all(ps, cat, cs)
                .compose(all -> access.record(
                                person,
                                hospital,
                                "ELIGIBILITY_CHECK",
                                Purpose.DIRECT_SETTLEMENT.name(),
                                day.toString(),
                                now)
                        .compose(v -> {
                            List<Policy> inForce = ps.result().stream()
                                    .filter(p -> p.inForce(day))
                                    .filter(p -> cat.result().plans().containsKey(p.planId()))
                                    .toList();
                            return accumulators
                                    .of(inForce.stream().map(Policy::policyNo).toList())
                                    .map(acc -> answer(day, now, inForce, cat.result(), cs.result(), acc));
                        }));
    }

    private Answer answer(
            LocalDate day,
            Instant now,
            List<Policy> inForce,
            Catalog catalog,
            List<Consent> consents,
            Map<String, Accumulators> acc) {
        List<Covered> covered = new ArrayList<>();
        List<NotAuthorized> refused = new ArrayList<>();
        for (Policy p : inForce) {
            Plan base = catalog.plans().get(p.planId());
            if (p.edition() != null && !base.editions().containsKey(p.edition())) {
                continue;
            }
            Plan plan = base.forEdition(p.edition());
            String denial = rules.denial(consents, p.insurerId(), Purpose.DIRECT_SETTLEMENT, day.atStartOfDay(), now);
            if (denial != null) {
                refused.add(new NotAuthorized(p.insurerId(), p.planId(), denial));
                continue;
            }
            Set<Purpose> purposes = EnumSet.noneOf(Purpose.class);
            for (Purpose purpose : Purpose.values()) {
                if (rules.denial(consents, p.insurerId(), purpose, day.atStartOfDay(), now) == null) {
                    purposes.add(purpose);
                }
            }
            covered.add(new Covered(
                    p, plan, purposes, BenefitBalance.of(p, plan, acc.getOrDefault(p.policyNo(), Accumulators.EMPTY))));
        }
        return new Answer(day, now, covered, refused);
    }
}
