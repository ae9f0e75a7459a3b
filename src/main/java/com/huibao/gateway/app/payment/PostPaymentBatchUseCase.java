package com.huibao.gateway.app.payment;

import com.huibao.gateway.app.Failure;
import com.huibao.gateway.app.port.PaymentLedger;
import com.huibao.gateway.app.port.Transactions;
import com.huibao.gateway.app.security.Principal;
import com.huibao.gateway.domain.payment.PaymentBatch;
import com.huibao.gateway.domain.payment.Remittance;
import com.huibao.gateway.domain.validation.InvalidDocumentException;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code POST /v1/payments}: an insurer's payment batch to one hospital or pharmacy, applied to its claims in one
 * transaction ({@link Remittance} decides). The batch id is the insurer's: the same batch again answers what it was
 * answered (200), another batch under that id is 409 BATCH_CONFLICT. A refused batch changes nothing.
 */
public final class PostPaymentBatchUseCase {
    private final Transactions transactions;
    private final Clock clock;

    public PostPaymentBatchUseCase(Transactions transactions, Clock clock) {
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The answer as sent, and whether it is the stored answer of an earlier post. */
    public record Outcome(String response, boolean replay) {}

    /**
     * @param requestHash the hash of the request's body (replays are recognised by it)
     * @param render writes the answer to a new batch (the http adapter's); it is stored with the batch
     */
    public Future<Outcome> execute(
            Principal insurer, PaymentBatch batch, String requestHash, Function<Remittance.Applied, String> render) {
        return transactions.inTransaction(tx -> {
            PaymentLedger payments = tx.payments();
            return payments.lockBatch(insurer.tenant(), batch.batchId()).compose(stored -> {
                if (stored.isPresent()) {
                    if (!stored.get().requestHash().equals(requestHash)) {
                        throw new Failure.Conflict(
                                "BATCH_CONFLICT",
                                "batch " + batch.batchId() + " was posted with other contents; use a new batch id");
                    }
                    return Future.succeededFuture(new Outcome(stored.get().response(), true));
                }
                return payments.lockClaims(batch.items().stream()
                                .map(PaymentBatch.Item::claimId)
                                .distinct()
                                .toList())
                        .compose(claims -> {
                            Remittance.Decision d = Remittance.apply(insurer.tenant(), batch, claims);
                            if (d instanceof Remittance.Refused r) {
                                throw InvalidDocumentException.inconsistent(r.violations());
                            }
                            Remittance.Applied applied = (Remittance.Applied) d;
                            String response = render.apply(applied);
                            Instant now = clock.instant();
                            Map<String, Object> details = new LinkedHashMap<>();
                            details.put("payee", batch.payee());
                            details.put("amount", batch.amount().toString());
                            details.put("applied", applied.applied().toString());
                            return payments.record(insurer.tenant(), batch, applied, requestHash, response, now)
                                    .compose(v -> tx.audit()
                                            .append(
                                                    "INSURER:" + insurer.tenant(),
                                                    "PAYMENT_BATCH_POSTED",
                                                    batch.batchId(),
                                                    details,
                                                    now))
                                    .map(new Outcome(response, false));
                        });
            });
        });
    }
}
