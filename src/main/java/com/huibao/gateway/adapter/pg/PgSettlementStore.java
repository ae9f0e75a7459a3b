package com.huibao.gateway.adapter.pg;

import com.huibao.gateway.adapter.crypto.PiiProtector;
import com.huibao.gateway.app.port.SettlementStore;
import com.huibao.gateway.app.port.StoredSettlement;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

/** Data-feed intake. */
public final class PgSettlementStore implements SettlementStore {
  private final Pool pool;
  private final PgSettlements settlements;

  public PgSettlementStore(Pool pool, PiiProtector pii) {
    this.pool = pool;
    this.settlements = new PgSettlements(pii);
  }

  @Override
  public Future<Intake> ingest(StoredSettlement settlement) {
    return settlements.insertIfAbsent(pool, settlement).map(r -> new Intake(r.created(), r.receivedAt()))
        .recover(e -> Future.failedFuture(PgErrors.translate(e)));
  }
}
