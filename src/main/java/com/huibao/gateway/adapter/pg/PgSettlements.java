package com.huibao.gateway.adapter.pg;

import com.huibao.gateway.app.Failure;
import com.huibao.gateway.app.port.SettlementStore;
import com.huibao.gateway.app.port.StoredSettlement;
import com.huibao.gateway.crypto.PiiProtector;
import com.huibao.gateway.domain.settlement.Provenance;
import com.huibao.gateway.domain.settlement.SetlInfo;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

/** The {@code settlements} table: documents stored SM4-GCM encrypted, found by id or person key. */
final class PgSettlements {
    private final PiiProtector pii;

    PgSettlements(PiiProtector pii) {
        this.pii = pii;
    }

    /** The protector documents are encrypted with. */
    PiiProtector pii() {
        return pii;
    }

    /**
     * Inserts the settlement unless its {@code setl_id} exists; an existing one must have the same content (fails with
     * {@link Failure.Conflict} otherwise). Waits for a concurrent insert of the same id to finish first.
     */
    Future<SettlementStore.Intake> insertIfAbsent(SqlClient client, StoredSettlement s) {
        SetlInfo h = s.settlement().setlinfo();
        Provenance p = s.settlement().provenance();
        return client.preparedQuery(
                        "INSERT INTO settlements (setl_id, fixmedins_code, person_key, setl_time, med_type, "
                                + "psn_part_amt, psn_cash_pay, content_hash, document_sealed, source, infno, msgid, medins_setl_id, "
                                + "clr_optins, message_kind) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) "
                                + "ON CONFLICT (setl_id) DO NOTHING RETURNING received_at")
                .execute(Tuple.tuple()
                        .addString(h.setlId())
                        .addString(h.fixmedinsCode())
                        .addString(pii.personKey(h.psnCertType(), h.certno()))
                        .addLocalDateTime(h.setlTime())
                        .addString(h.medType())
                        .addBigDecimal(h.psnPartAmt().value())
                        .addBigDecimal(h.psnCashPay().value())
                        .addString(s.contentHash())
                        .addBuffer(SealedDocuments.of(pii, s.document()))
                        .addString(s.source())
                        .addString(p.infno())
                        .addString(p.msgid())
                        .addString(p.medinsSetlId())
                        .addString(p.clrOptins())
                        .addString(p.kind().name()))
                .compose(rows -> {
                    if (rows.rowCount() == 1) {
                        return Future.succeededFuture(new SettlementStore.Intake(
                                true,
                                rows.iterator().next().getOffsetDateTime(0).toInstant()));
                    }
                    return client.preparedQuery("SELECT content_hash, received_at FROM settlements WHERE setl_id = $1")
                            .execute(Tuple.of(h.setlId()))
                            .map(existing -> {
                                var row = existing.iterator().next();
                                if (!row.getString(0).equals(s.contentHash())) {
                                    throw new Failure.Conflict(
                                            "SETTLEMENT_CONFLICT",
                                            "a different settlement is already stored as " + h.setlId());
                                }
                                return new SettlementStore.Intake(
                                        false, row.getOffsetDateTime(1).toInstant());
                            });
                });
    }
}
