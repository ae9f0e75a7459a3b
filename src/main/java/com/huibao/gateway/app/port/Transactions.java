package com.huibao.gateway.app.port;

import io.vertx.core.Future;
import java.util.function.Function;

/**
 * One database transaction for a use case: what the work does through the {@link Transaction} it is given commits
 * together, or not at all if its future fails. Calls on the transaction may be issued without waiting for each
 * other; they run in the order they were made (a store may pipeline them), so a read issued after a lock sees what
 * the lock protects.
 */
public interface Transactions {
    <T> Future<T> inTransaction(Function<Transaction, Future<T>> work);

    /** The code of the {@code Failure.Conflict} a transaction fails with when a write meets a row that exists. */
    String ALREADY_EXISTS = "ALREADY_EXISTS";
}
