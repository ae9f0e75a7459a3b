package com.huibao.gateway.app.port;

import com.huibao.gateway.domain.payment.PayableClaim;
import com.huibao.gateway.domain.payment.PaymentBatch;
import com.huibao.gateway.domain.payment.Remittance;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Payment batches and the claims they pay, inside a transaction. */
public interface PaymentLedger {
    /** A batch as stored: the hash of the request that made it and the answer it got. */
    record StoredBatch(String requestHash, String response) {}

    /** Holds the insurer's batch id for this transaction (so that two posts of one batch apply once), and reads it. */
    Future<Optional<StoredBatch>> lockBatch(String insurerId, String batchId);

    /** The named claims that exist (any insurer), locked in claim-id order, with their settlement's institution. */
    Future<Map<String, PayableClaim>> lockClaims(Collection<String> claimIds);

    /** Stores the batch, its items and the claims' new remitted totals and states. */
    Future<Void> record(
            String insurerId,
            PaymentBatch batch,
            Remittance.Applied applied,
            String requestHash,
            String response,
            Instant at);
}
