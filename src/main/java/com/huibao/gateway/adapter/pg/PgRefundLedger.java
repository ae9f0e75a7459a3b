package com.huibao.gateway.adapter.pg;

import com.huibao.gateway.app.port.RefundLedger;
import com.huibao.gateway.app.port.StoredDocument;
import com.huibao.gateway.crypto.PiiProtector;
import com.huibao.gateway.domain.benefit.Adjudication;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code direct_settlement_refunds}: each refund's document (SM4-GCM encrypted, like settlements) and answer. */
final class PgRefundLedger implements RefundLedger {
    private static final String FIND =
            "SELECT request_hash, response FROM direct_settlement_refunds WHERE setl_id = $1 AND refund_id = $2";
    private static final String SETTLEMENT =
            "SELECT fixmedins_code, " + SealedDocuments.COLUMNS + " FROM settlements WHERE setl_id = $1";
    /** Every refund document of a settlement, in the order they were applied. */
    static final String REFUNDS = "SELECT document_cipher FROM direct_settlement_refunds WHERE setl_id = $1 "
            + "ORDER BY refunded_at, refund_id";

    private static final String INSERT = "INSERT INTO direct_settlement_refunds (setl_id, refund_id, request_hash, "
            + "document_cipher, response, refunded_at, payout_total, insurer_pays_hospital, patient_cash_due, "
            + "insurer_pays_patient) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";

    private final SqlConnection tx;
    private final PiiProtector pii;

    PgRefundLedger(SqlConnection tx, PiiProtector pii) {
        this.tx = tx;
        this.pii = pii;
    }

    @Override
    public Future<Optional<StoredRefund>> find(String setlId, String refundId) {
        return tx.preparedQuery(FIND).execute(Tuple.of(setlId, refundId)).map(rows -> {
            if (rows.size() == 0) {
                return Optional.<StoredRefund>empty();
            }
            Row r = rows.iterator().next();
            return Optional.of(new StoredRefund(r.getString(0), r.getString(1)));
        });
    }

    @Override
    public Future<Refundable> documents(String setlId) {
        Future<StoredDocument> settlement = tx.preparedQuery(SETTLEMENT)
                .execute(Tuple.of(setlId))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return new StoredDocument(SealedDocuments.read(pii, r, 1), r.getString(0));
                });
        Future<List<String>> refunds = tx.preparedQuery(REFUNDS)
                .execute(Tuple.of(setlId))
                .map(rows -> {
                    List<String> out = new ArrayList<>();
                    rows.forEach(r -> out.add(pii.decrypt(r.getString(0))));
                    return out;
                });
        return Future.all(settlement, refunds).map(v -> new Refundable(settlement.result(), refunds.result()));
    }

    @Override
    public Future<Void> insert(
            String setlId,
            String refundId,
            String requestHash,
            String document,
            String response,
            Adjudication net,
            Instant at) {
        return tx.preparedQuery(INSERT)
                .execute(Tuple.from(List.of(
                        setlId,
                        refundId,
                        requestHash,
                        pii.encryptDocument(document),
                        response,
                        at.atOffset(ZoneOffset.UTC),
                        net.payoutTotal().value(),
                        net.insurerPaysHospital().value(),
                        net.patientCashDue().value(),
                        net.insurerPaysPatient().value())))
                .mapEmpty();
    }
}
