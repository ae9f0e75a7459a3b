package com.huibao.gateway.app.settlement;

import com.huibao.gateway.app.Failure;
import com.huibao.gateway.app.port.DirectSettlementStore;
import com.huibao.gateway.app.security.Principal;
import io.vertx.core.Future;
import java.time.Clock;

/**
 * {@code POST /v1/direct-settlements/{setl_id}/reversal} (冲正): undo a confirmed direct settlement of the calling
 * hospital: its claims become REVERSED and the accumulators lose exactly what it added. Idempotent: a reversed one
 * answers its stored reversal. Unknown, or another hospital's: 404. A claim already paid: 409 CLAIM_ALREADY_PAID.
 */
public final class ReverseDirectSettlementUseCase {
    private final DirectSettlementStore store;
    private final Clock clock;

    public ReverseDirectSettlementUseCase(DirectSettlementStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public Future<String> execute(Principal hospital, String setlId) {
        return store.reverse(setlId, hospital.tenant(), clock.instant())
                .map(r -> r.orElseThrow(() -> new Failure.NotFound(
                        "DIRECT_SETTLEMENT_NOT_FOUND",
                        "no confirmed direct settlement " + setlId + " of this hospital")));
    }
}
