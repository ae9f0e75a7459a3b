package com.huibao.gateway.adapter.pg;

import com.huibao.gateway.app.port.RemittanceStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The payment batches made out to a payee, read from {@code payment_batches}. */
public final class PgRemittanceStore implements RemittanceStore {
    private static final String FOR_PAYEE = "SELECT insurer_id, response FROM payment_batches WHERE payee = $1 "
            + "AND value_date BETWEEN $2 AND $3 ORDER BY value_date, received_at, insurer_id, batch_id LIMIT $4";

    private final Pool pool;

    public PgRemittanceStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Future<List<Remittance>> forPayee(String payee, LocalDate from, LocalDate to, int limit) {
        return pool.preparedQuery(FOR_PAYEE)
                .execute(Tuple.of(payee, from, to, limit))
                .map(rows -> {
                    List<Remittance> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new Remittance(r.getString(0), r.getString(1)));
                    }
                    return out;
                })
                .recover(e -> Future.failedFuture(PgErrors.translate(e)));
    }
}
