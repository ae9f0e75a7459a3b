package com.huibao.gateway.adapter.pg;

import com.huibao.gateway.app.port.PaymentLedger;
import com.huibao.gateway.domain.claim.ClaimState;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.payment.PayableClaim;
import com.huibao.gateway.domain.payment.PaymentBatch;
import com.huibao.gateway.domain.payment.Remittance;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code payment_batches}, {@code payment_items} and the claims' {@code remitted}, inside a transaction. */
final class PgPaymentLedger implements PaymentLedger {
    /** A transaction-scoped lock on the (insurer, batch) pair: the row may not exist yet. */
    private static final String LOCK_BATCH = "SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))";

    private static final String BATCH =
            "SELECT request_hash, response FROM payment_batches WHERE insurer_id = $1 AND batch_id = $2";
    private static final String CLAIMS = "SELECT c.claim_id, c.insurer_id, c.state, c.pays_hospital, c.remitted, "
            + "s.fixmedins_code FROM claims c JOIN settlements s ON s.setl_id = c.setl_id "
            + "WHERE c.claim_id = ANY($1) ORDER BY c.claim_id FOR UPDATE OF c";
    private static final String INSERT_BATCH = "INSERT INTO payment_batches (insurer_id, batch_id, payee, amount, "
            + "applied, unapplied, value_date, request_hash, response, received_at) "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
    private static final String INSERT_ITEM = "INSERT INTO payment_items (insurer_id, batch_id, item_no, claim_id, "
            + "amount, applied, outcome) VALUES ($1, $2, $3, $4, $5, $6, $7)";
    private static final String UPDATE_CLAIM = "UPDATE claims SET remitted = $2, state = $3, "
            + "paid_at = CASE WHEN $3 = 'PAID' THEN $4 ELSE paid_at END, "
            + "payment_ref = CASE WHEN $3 = 'PAID' THEN $5 ELSE payment_ref END "
            + "WHERE claim_id = $1 AND state = 'APPROVED'";

    private final SqlConnection tx;

    PgPaymentLedger(SqlConnection tx) {
        this.tx = tx;
    }

    @Override
    public Future<Optional<StoredBatch>> lockBatch(String insurerId, String batchId) {
        return tx.preparedQuery(LOCK_BATCH)
                .execute(Tuple.of("payment-batch:" + insurerId, batchId))
                .compose(v -> tx.preparedQuery(BATCH).execute(Tuple.of(insurerId, batchId)))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.<StoredBatch>empty();
                    }
                    Row r = rows.iterator().next();
                    return Optional.of(new StoredBatch(r.getString(0), r.getString(1)));
                });
    }

    @Override
    public Future<Map<String, PayableClaim>> lockClaims(Collection<String> claimIds) {
        return tx.preparedQuery(CLAIMS)
                .execute(Tuple.of((Object) claimIds.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, PayableClaim> out = new HashMap<>();
                    for (Row r : rows) {
                        out.put(
                                r.getString(0),
                                new PayableClaim(
                                        r.getString(0),
                                        r.getString(1),
                                        ClaimState.valueOf(r.getString(2)),
                                        Money.of(r.getBigDecimal(3)),
                                        Money.of(r.getBigDecimal(4)),
                                        r.getString(5)));
                    }
                    return out;
                });
    }

    @Override
    public Future<Void> record(
            String insurerId,
            PaymentBatch batch,
            Remittance.Applied applied,
            String requestHash,
            String response,
            Instant at) {
        OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
        List<Tuple> items = new ArrayList<>();
        for (int i = 0; i < applied.items().size(); i++) {
            Remittance.ItemResult r = applied.items().get(i);
            items.add(Tuple.of(
                    insurerId,
                    batch.batchId(),
                    i,
                    r.claimId(),
                    r.amount().value(),
                    r.applied().value(),
                    r.outcome().name()));
        }
        List<Tuple> claims = new ArrayList<>();
        for (Remittance.ClaimChange c : applied.changes()) {
            claims.add(Tuple.of(c.claimId(), c.remitted().value(), c.state().name(), when, batch.batchId()));
        }
        Future<?> header = tx.preparedQuery(INSERT_BATCH)
                .execute(Tuple.from(List.of(
                        insurerId,
                        batch.batchId(),
                        batch.payee(),
                        batch.amount().value(),
                        applied.applied().value(),
                        applied.unapplied().value(),
                        batch.valueDate(),
                        requestHash,
                        response,
                        when)));
        return header.compose(v -> tx.preparedQuery(INSERT_ITEM).executeBatch(items))
                .compose(v -> claims.isEmpty()
                        ? Future.succeededFuture()
                        : tx.preparedQuery(UPDATE_CLAIM).executeBatch(claims))
                .mapEmpty();
    }
}
