package com.huibao.gateway.app.settlement;

import com.huibao.gateway.app.Failure;
import com.huibao.gateway.app.port.AccessLog;
import com.huibao.gateway.app.port.DirectSettlementRecord;
import com.huibao.gateway.app.port.DirectSettlementStore;
import com.huibao.gateway.app.security.Principal;
import io.vertx.core.Future;
import java.time.Clock;

/** {@code GET /v1/direct-settlements/{setl_id}}: the hospital's own confirmation and its current state. */
public final class GetDirectSettlementUseCase {
    private final DirectSettlementStore store;
    private final AccessLog access;
    private final Clock clock;

    public GetDirectSettlementUseCase(DirectSettlementStore store, AccessLog access, Clock clock) {
        this.store = store;
        this.access = access;
        this.clock = clock;
    }

    /** The hospital's own confirmation; the read is recorded in the patient's access log. */
    public Future<DirectSettlementRecord> execute(Principal hospital, String setlId) {
        return store.find(setlId)
                .map(r -> r.filter(d -> d.fixmedinsCode().equals(hospital.tenant()))
                        .orElseThrow(() -> new Failure.NotFound(
                                "DIRECT_SETTLEMENT_NOT_FOUND",
                                "no confirmed direct settlement " + setlId + " of this hospital")))
                .compose(r -> access.record(
                                r.personKey(),
                                hospital,
                                "DIRECT_SETTLEMENT_READ",
                                "DIRECT_SETTLEMENT",
                                setlId,
                                clock.instant())
                        .map(r));
    }
}
