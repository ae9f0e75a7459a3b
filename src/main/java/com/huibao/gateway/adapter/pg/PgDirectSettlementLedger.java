package com.huibao.gateway.adapter.pg;

import com.huibao.gateway.app.port.DirectSettlementLedger;
import com.huibao.gateway.app.port.DirectSettlementRecord;
import com.huibao.gateway.domain.benefit.Adjudication;
import com.huibao.gateway.domain.claim.Confirmation;
import com.huibao.gateway.domain.settlement.Settlement;
import io.vertx.core.Future;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/** {@code direct_settlements} inside a transaction: the idempotency record of each confirm and its reversal. */
final class PgDirectSettlementLedger implements DirectSettlementLedger {
    private static final String SERIALIZE = "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))";
    private static final String INSERT = "INSERT INTO direct_settlements (setl_id, fixmedins_code, request_hash, "
            + "state, payout_total, insurer_pays_hospital, patient_cash_due, insurer_pays_patient, confirmed_at, "
            + "confirm_response_z, plan_versions) VALUES ($1, $2, $3, 'CONFIRMED', $4, $5, $6, $7, $8, $9, $10::text::jsonb)";
    private static final String REVERSED = "UPDATE direct_settlements SET state = 'REVERSED', reversed_at = $2, "
            + "reversal_response = $3 WHERE setl_id = $1";

    private static final String NET = "UPDATE settlements SET psn_part_amt = $2, psn_cash_pay = $3 WHERE setl_id = $1";

    private final SqlConnection tx;

    PgDirectSettlementLedger(SqlConnection tx) {
        this.tx = tx;
    }

    /** A transaction-scoped advisory lock on the id: confirms of one settlement run one after the other. */
    @Override
    public Future<Void> serialize(String setlId) {
        return tx.preparedQuery(SERIALIZE)
                .execute(Tuple.of("direct_settlement:" + setlId))
                .mapEmpty();
    }

    @Override
    public Future<Optional<DirectSettlementRecord>> find(String setlId) {
        return tx.preparedQuery(PgDirectSettlementStore.SELECT_RECORD)
                .execute(Tuple.of(setlId))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(
                                PgDirectSettlementStore.record(rows.iterator().next())));
    }

    @Override
    public Future<Optional<DirectSettlementRecord>> ofHospital(String setlId, String fixmedinsCode) {
        return ofHospital(setlId, fixmedinsCode, "");
    }

    @Override
    public Future<Optional<DirectSettlementRecord>> lockForReversal(String setlId, String fixmedinsCode) {
        return ofHospital(setlId, fixmedinsCode, " FOR UPDATE");
    }

    private Future<Optional<DirectSettlementRecord>> ofHospital(String setlId, String fixmedinsCode, String lock) {
        return tx.preparedQuery(PgDirectSettlementStore.SELECT_RECORD + " AND fixmedins_code = $2" + lock)
                .execute(Tuple.of(setlId, fixmedinsCode))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(
                                PgDirectSettlementStore.record(rows.iterator().next())));
    }

    @Override
    public Future<Void> recordRefund(String setlId, Settlement settlement, Adjudication net) {
        return tx.preparedQuery(NET)
                .execute(Tuple.of(
                        setlId,
                        settlement.setlinfo().psnPartAmt().value(),
                        settlement.setlinfo().psnCashPay().value()))
                .mapEmpty();
    }

    @Override
    public Future<Void> recordConfirmation(Confirmation c, String requestHash, String response) {
        Adjudication a = c.adjudication();
        return tx.preparedQuery(INSERT)
                .execute(Tuple.tuple()
                        .addString(c.setlId())
                        .addString(c.fixmedinsCode())
                        .addString(requestHash)
                        .addBigDecimal(a.payoutTotal().value())
                        .addBigDecimal(a.insurerPaysHospital().value())
                        .addBigDecimal(a.patientCashDue().value())
                        .addBigDecimal(a.insurerPaysPatient().value())
                        .addOffsetDateTime(c.confirmedAt().atOffset(ZoneOffset.UTC))
                        .addBuffer(CompactText.of(response))
                        .addString(PlanVersionsJson.write(c.planVersions())))
                .mapEmpty();
    }

    @Override
    public Future<Void> recordReversal(String setlId, Instant at, String response) {
        return tx.preparedQuery(REVERSED)
                .execute(Tuple.of(setlId, at.atOffset(ZoneOffset.UTC), response))
                .mapEmpty();
    }
}
