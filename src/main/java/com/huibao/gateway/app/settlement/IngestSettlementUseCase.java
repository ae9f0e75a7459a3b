package com.huibao.gateway.app.settlement;

import com.huibao.gateway.app.port.SettlementStore;
import com.huibao.gateway.app.port.StoredSettlement;
import io.vertx.core.Future;

/**
 * {@code POST /v1/settlements}: the data feed pushes a settlement so that quick and proactive claims can use it.
 * Idempotent on {@code setl_id}: the same settlement again is a replay, a different one a conflict.
 */
public final class IngestSettlementUseCase {
  private final SettlementChecks checks;
  private final SettlementStore store;

  public IngestSettlementUseCase(SettlementChecks checks, SettlementStore store) {
    this.checks = checks;
    this.store = store;
  }

  public Future<SettlementStore.Intake> execute(StoredSettlement settlement) {
    checks.consistent(settlement.settlement());
    return store.ingest(settlement);
  }
}
