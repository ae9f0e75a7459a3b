package com.huibao.gateway.app.port;

import com.huibao.gateway.app.Failure;
import io.vertx.core.Future;
import java.time.Instant;

/** Settlements pushed by the data feed, kept for quick and proactive claims. */
public interface SettlementStore {
    /** Outcome of an intake: whether this call stored it, and the receipt time of the stored one. */
    record Intake(boolean created, Instant receivedAt) {}

    /**
     * Stores the settlement if its {@code setl_id} is new; an identical one is a replay.
     *
     * @throws Failure.Conflict (failed future) when a different settlement has that id
     */
    Future<Intake> ingest(StoredSettlement settlement);
}
