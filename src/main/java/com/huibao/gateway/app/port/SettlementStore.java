package com.huibao.gateway.app.port;

import io.vertx.core.Future;

/** Settlements pushed by the data feed, kept for quick and proactive claims. */
public interface SettlementStore {
  /** Outcome of an intake: whether this call stored it, and the receipt time of the stored one. */
  record Intake(boolean created, java.time.Instant receivedAt) {
  }

  /**
   * Stores the settlement if its {@code setl_id} is new; an identical one is a replay.
   *
   * @throws com.huibao.gateway.app.Failure.Conflict (failed future) when a different settlement has that id
   */
  Future<Intake> ingest(StoredSettlement settlement);
}
