package com.huibao.gateway.adapter.pg;

import com.huibao.gateway.app.port.SettlementStore;
import com.huibao.gateway.app.port.StoredSettlement;
import com.huibao.gateway.crypto.PiiProtector;
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
        String setlId = settlement.settlement().setlinfo().setlId();
        return pool.withTransaction(tx -> settlements
                        .insertIfAbsent(tx, settlement)
                        .compose(r -> !r.created()
                                ? Future.succeededFuture(r)
                                : PgAudit.append(
                                                tx,
                                                settlement.source(),
                                                "SETTLEMENT_RECEIVED",
                                                setlId,
                                                "{\"source\":\"" + settlement.source() + "\"}",
                                                r.receivedAt())
                                        .map(r)))
                .recover(e -> Future.failedFuture(PgErrors.translate(e)));
    }
}
