package com.huibao.gateway.adapter.pg;

import com.huibao.gateway.app.port.AccumulatorLedger;
import com.huibao.gateway.app.port.AuditTrail;
import com.huibao.gateway.app.port.ClaimLedger;
import com.huibao.gateway.app.port.DirectSettlementLedger;
import com.huibao.gateway.app.port.EventOutbox;
import com.huibao.gateway.app.port.PaymentLedger;
import com.huibao.gateway.app.port.PreAuthLedger;
import com.huibao.gateway.app.port.RefundLedger;
import com.huibao.gateway.app.port.SettlementLedger;
import com.huibao.gateway.app.port.Transaction;
import com.huibao.gateway.codec.EventJson;
import com.huibao.gateway.codec.Json;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.List;

/** The ledgers of one transaction, all on its connection. */
final class PgTransaction implements Transaction {
    private final SqlConnection tx;
    private final PgSettlements settlements;

    PgTransaction(SqlConnection tx, PgSettlements settlements) {
        this.tx = tx;
        this.settlements = settlements;
    }

    @Override
    public SettlementLedger settlements() {
        return s -> settlements.insertIfAbsent(tx, s);
    }

    @Override
    public DirectSettlementLedger directSettlements() {
        return new PgDirectSettlementLedger(tx);
    }

    @Override
    public ClaimLedger claims() {
        return new PgClaimLedger(tx);
    }

    @Override
    public AccumulatorLedger accumulators() {
        return new PgAccumulatorLedger(tx);
    }

    @Override
    public EventOutbox outbox() {
        return (events, at) -> {
            List<Future<Void>> added = new ArrayList<>();
            events.forEach(e -> added.add(
                    PgOutbox.add(tx, e.insurerId(), e.orderingKey(), EventJson.type(e), EventJson.data(e), at)));
            return Future.all(added).mapEmpty();
        };
    }

    @Override
    public PreAuthLedger preAuthorizations() {
        return new PgPreAuthLedger(tx);
    }

    @Override
    public PaymentLedger payments() {
        return new PgPaymentLedger(tx);
    }

    @Override
    public RefundLedger refunds() {
        return new PgRefundLedger(tx, settlements.pii());
    }

    @Override
    public AuditTrail audit() {
        return (actor, action, subject, details, at) ->
                PgAudit.append(tx, actor, action, subject, Json.write(Json.MAPPER.valueToTree(details)), at);
    }
}
