package com.huibao.gateway.app.port;

import io.vertx.core.Future;

/** Settlements inside a transaction. */
public interface SettlementLedger {
    /**
     * Stores the settlement unless its {@code setl_id} is stored; an identical one is left as it is (a replay).
     * Waits for a concurrent store of the same id.
     *
     * @throws com.huibao.gateway.app.Failure.Conflict (failed future, {@code SETTLEMENT_CONFLICT}) when a different
     *     settlement has that id
     */
    Future<SettlementStore.Intake> storeIfAbsent(StoredSettlement settlement);
}
