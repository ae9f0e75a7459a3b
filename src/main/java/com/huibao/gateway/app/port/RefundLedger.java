package com.huibao.gateway.app.port;

import com.huibao.gateway.domain.benefit.Adjudication;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Partial refunds (退费) of confirmed direct settlements, inside a transaction. */
public interface RefundLedger {
    /** A refund as stored: the hash of the request that made it and the answer it got. */
    record StoredRefund(String requestHash, String response) {}

    /** The settlement as stored, and the documents of its refunds so far, oldest first. */
    record Refundable(StoredDocument settlement, List<String> refunds) {}

    Future<Optional<StoredRefund>> find(String setlId, String refundId);

    Future<Refundable> documents(String setlId);

    /** Stores the refund with the settlement's totals after it (the net settlement's adjudication). */
    Future<Void> insert(
            String setlId,
            String refundId,
            String requestHash,
            String document,
            String response,
            Adjudication net,
            Instant at);
}
