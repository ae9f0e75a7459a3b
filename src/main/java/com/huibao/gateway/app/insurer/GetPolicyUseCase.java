package com.huibao.gateway.app.insurer;

import com.huibao.gateway.app.Failure;
import com.huibao.gateway.app.port.AccessLog;
import com.huibao.gateway.app.port.AccumulatorStore;
import com.huibao.gateway.app.port.InsurerCatalogStore;
import com.huibao.gateway.app.security.Principal;
import com.huibao.gateway.domain.benefit.Accumulators;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;

/**
 * {@code GET /v1/policies/{policy_no}}: one of the insurer's policies (the identity number masked by the caller's
 * view) with its accumulators; the read goes into the patient's access log.
 */
public final class GetPolicyUseCase {
    private final InsurerCatalogStore store;
    private final AccumulatorStore accumulators;
    private final AccessLog access;
    private final Clock clock;

    public GetPolicyUseCase(InsurerCatalogStore store, AccumulatorStore accumulators, AccessLog access, Clock clock) {
        this.store = store;
        this.accumulators = accumulators;
        this.access = access;
        this.clock = clock;
    }

    /** The policy with its current accumulators. */
    public record View(InsurerCatalogStore.StoredPolicy policy, Accumulators accumulators) {}

    public Future<View> execute(Principal insurer, String policyNo) {
        return store.policy(insurer.tenant(), policyNo)
                .map(p -> p.orElseThrow(
                        () -> new Failure.NotFound("POLICY_NOT_FOUND", "no policy " + policyNo + " of this insurer")))
                .compose(p -> access.record(
                                p.personKey(), insurer, "POLICY_READ", "POLICY_SERVICE", policyNo, clock.instant())
                        .map(p))
                .compose(p -> accumulators
                        .of(List.of(policyNo))
                        .map(a -> new View(p, a.getOrDefault(policyNo, Accumulators.EMPTY))));
    }
}
