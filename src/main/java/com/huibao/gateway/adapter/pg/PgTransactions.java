package com.huibao.gateway.adapter.pg;

import com.huibao.gateway.app.Failure;
import com.huibao.gateway.app.port.Transaction;
import com.huibao.gateway.app.port.Transactions;
import com.huibao.gateway.crypto.PiiProtector;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import java.util.function.Function;

/**
 * Transactions on PostgreSQL: the work runs on one connection inside {@code BEGIN … COMMIT}; a failed future rolls it
 * back. The ledgers send what they are asked without waiting (the client pipelines the statements on the
 * connection; PostgreSQL runs them in order, and the first failure aborts the rest). Failures leave translated: the
 * database gone is {@code Failure.Unavailable}, a unique key met is {@code Failure.Conflict}
 * ({@link Transactions#ALREADY_EXISTS}).
 */
public final class PgTransactions implements Transactions {
    private final Pool pool;
    private final PgSettlements settlements;

    public PgTransactions(Pool pool, PiiProtector pii) {
        this.pool = pool;
        this.settlements = new PgSettlements(pii);
    }

    @Override
    public <T> Future<T> inTransaction(Function<Transaction, Future<T>> work) {
        return pool.withTransaction(connection -> work.apply(new PgTransaction(connection, settlements)))
                .recover(e -> Future.failedFuture(
                        PgErrors.isUniqueViolation(e)
                                ? new Failure.Conflict(ALREADY_EXISTS, "it exists already")
                                : PgErrors.translate(e)));
    }
}
