package com.huibao.gateway.app.insurer;

import com.huibao.gateway.app.Failure;
import com.huibao.gateway.app.port.AccumulatorStore;
import com.huibao.gateway.app.port.Catalog;
import com.huibao.gateway.app.port.CatalogStore;
import com.huibao.gateway.app.port.InsurerCatalogStore;
import com.huibao.gateway.app.security.Principal;
import com.huibao.gateway.domain.benefit.Accumulators;
import com.huibao.gateway.domain.plan.Plan;
import com.huibao.gateway.domain.policy.Policy;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import com.huibao.gateway.domain.validation.Violation;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /v1/policies} (one or up to 10,000, all or nothing, every bad row named) and
 * {@code GET /v1/policies/{policy_no}} (own policies only; the identity number masked).
 */
public final class PoliciesUseCase {
  public static final int MAX_BATCH = 10_000;

  private final InsurerCatalogStore store;
  private final CatalogStore catalog;
  private final AccumulatorStore accumulators;
  private final com.huibao.gateway.app.port.AccessLog access;
  private final java.time.Clock clock;

  public PoliciesUseCase(InsurerCatalogStore store, CatalogStore catalog, AccumulatorStore accumulators,
      com.huibao.gateway.app.port.AccessLog access, java.time.Clock clock) {
    this.store = store;
    this.catalog = catalog;
    this.accumulators = accumulators;
    this.access = access;
    this.clock = clock;
  }

  public Future<InsurerCatalogStore.PolicyBatch> create(Principal insurer, List<Policy> policies, boolean batch) {
    if (policies.size() > MAX_BATCH) {
      throw InvalidDocumentException.malformed(List.of(new Violation("", "BATCH_TOO_LARGE",
          "at most " + MAX_BATCH + " policies per request, got " + policies.size())));
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
        v.add(new Violation(at + "policy_no", "DUPLICATE_IN_BATCH", "policy_no " + p.policyNo() + " appears twice"));
      }
      if (!insurer.tenant().equals(p.insurerId())) {
        v.add(new Violation(at + "insurer_id", "NOT_YOUR_INSURER_ID", "insurer_id must be the caller's, "
            + insurer.tenant()));
      }
      Plan plan = c.plans().get(p.planId());
      if (plan == null || !plan.insurerId().equals(insurer.tenant())) {
        v.add(new Violation(at + "plan_id", "UNKNOWN_PLAN", "no plan " + p.planId() + " of this insurer"));
      } else if (p.edition() != null && !plan.editions().containsKey(p.edition())) {
        v.add(new Violation(at + "edition", "UNKNOWN_EDITION", "plan " + p.planId() + " has no edition "
            + p.edition()));
      } else {
        Plan used = plan.forEdition(p.edition());
        p.deductibles().keySet().stream().filter(pool -> used.pool(pool) == null).forEach(pool ->
            v.add(new Violation(at + "deductibles." + pool, "UNKNOWN_POOL", "plan " + p.planId()
                + " has no deductible pool " + pool)));
      }
    }
    return v;
  }

  /** The policy with its current accumulators. */
  public record View(InsurerCatalogStore.StoredPolicy policy, Accumulators accumulators) {
  }

  public Future<View> get(Principal insurer, String policyNo) {
    return store.policy(insurer.tenant(), policyNo)
        .map(p -> p.orElseThrow(() -> new Failure.NotFound("POLICY_NOT_FOUND", "no policy " + policyNo
            + " of this insurer")))
        .compose(p -> access.record(p.personKey(), insurer, "POLICY_READ", "POLICY_SERVICE", policyNo,
            clock.instant()).map(p))
        .compose(p -> accumulators.of(List.of(policyNo)).map(a -> new View(p, a.getOrDefault(policyNo,
            Accumulators.EMPTY))));
  }
}
