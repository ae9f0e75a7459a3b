package com.huibao.gateway.app.settlement;

import com.huibao.gateway.app.Failure;
import com.huibao.gateway.app.port.DirectSettlementRecord;
import com.huibao.gateway.app.port.DirectSettlementStore;
import com.huibao.gateway.app.security.Principal;
import io.vertx.core.Future;

/** {@code GET /v1/direct-settlements/{setl_id}}: the hospital's own confirmation and its current state. */
public final class GetDirectSettlementUseCase {
  private final DirectSettlementStore store;

  public GetDirectSettlementUseCase(DirectSettlementStore store) {
    this.store = store;
  }

  public Future<DirectSettlementRecord> execute(Principal hospital, String setlId) {
    return store.find(setlId).map(r -> r.filter(d -> d.fixmedinsCode().equals(hospital.tenant()))
        .orElseThrow(() -> new Failure.NotFound("DIRECT_SETTLEMENT_NOT_FOUND",
            "no confirmed direct settlement " + setlId + " of this hospital")));
  }
}
