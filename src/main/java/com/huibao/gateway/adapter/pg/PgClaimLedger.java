package com.huibao.gateway.adapter.pg;

import com.huibao.gateway.app.port.ClaimLedger;
import com.huibao.gateway.app.port.ClaimStore;
import com.huibao.gateway.codec.AdjudicationJson;
import com.huibao.gateway.domain.claim.ApprovedClaim;
import com.huibao.gateway.domain.claim.ClaimState;
import com.huibao.gateway.domain.claim.DirectSettlementRefund;
import com.huibao.gateway.domain.claim.SettledClaim;
import com.huibao.gateway.domain.money.Money;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** {@code claims} inside a transaction. */
final class PgClaimLedger implements ClaimLedger {
    static final String INSERT = "INSERT INTO claims (claim_id, setl_id, policy_no, insurer_id, plan_id, "
            + "plan_version, channel, state, payout, pays_hospital, pays_patient, result_z, created_at) "
            + "VALUES ($1, $2, $3, $4, $5, $6, $7, 'APPROVED', $8, $9, $10, $11, $12)";
    private static final String LIVE =
            "SELECT policy_no FROM claims WHERE setl_id = $1 AND state <> '" + ClaimState.REVERSED + "'";
    private static final String OF_DIRECT_SETTLEMENT = "SELECT claim_id, policy_no, insurer_id, state, payout, "
            + "pays_hospital, pays_patient, remitted FROM claims WHERE setl_id = $1 AND channel = 'DIRECT_SETTLEMENT' "
            + "ORDER BY policy_no";
    private static final String REVERSE = "UPDATE claims SET state = 'REVERSED', reversed_at = $2 "
            + "WHERE claim_id = ANY($1) AND state = 'APPROVED'";

    private static final String ADJUST = "UPDATE claims SET payout = $2, pays_hospital = $3, pays_patient = $4, "
            + "result = NULL, result_z = $5 WHERE claim_id = $1 AND state <> 'REVERSED'";
    private static final String ADJUSTMENT = "INSERT INTO claim_adjustments (claim_id, refund_id, adjusted_at, "
            + "payout_before, pays_hospital_before, pays_patient_before, payout, pays_hospital, pays_patient, "
            + "receivable_hospital, receivable_patient) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";

    private final SqlConnection tx;

    PgClaimLedger(SqlConnection tx) {
        this.tx = tx;
    }

    @Override
    public Future<Set<String>> liveClaimants(String setlId) {
        return tx.preparedQuery(LIVE).execute(Tuple.of(setlId)).map(rows -> {
            Set<String> out = new HashSet<>();
            rows.forEach(r -> out.add(r.getString(0)));
            return out;
        });
    }

    @Override
    public Future<Optional<ClaimStore.Claim>> find(String setlId, String policyNo) {
        return tx.preparedQuery(PgClaimStore.SELECT + " WHERE setl_id = $1 AND policy_no = $2")
                .execute(Tuple.of(setlId, policyNo))
                .map(rows -> rows.size() == 0
                        ? Optional.empty()
                        : Optional.of(PgClaimStore.claim(rows.iterator().next())));
    }

    @Override
    public Future<List<SettledClaim>> directSettlementClaims(String setlId) {
        return directSettlementClaims(setlId, "");
    }

    @Override
    public Future<List<SettledClaim>> lockDirectSettlementClaims(String setlId) {
        return directSettlementClaims(setlId, " FOR UPDATE");
    }

    private Future<List<SettledClaim>> directSettlementClaims(String setlId, String lock) {
        return tx.preparedQuery(OF_DIRECT_SETTLEMENT + lock)
                .execute(Tuple.of(setlId))
                .map(rows -> {
                    List<SettledClaim> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new SettledClaim(
                                r.getString(0),
                                r.getString(1),
                                r.getString(2),
                                ClaimState.valueOf(r.getString(3)),
                                Money.of(r.getBigDecimal(4)),
                                Money.of(r.getBigDecimal(5)),
                                Money.of(r.getBigDecimal(6)),
                                Money.of(r.getBigDecimal(7))));
                    }
                    return out;
                });
    }

    @Override
    public Future<Void> insert(List<ApprovedClaim> claims) {
        List<Tuple> rows = claims.stream().map(PgClaimLedger::row).toList();
        return rows.isEmpty()
                ? Future.succeededFuture()
                : tx.preparedQuery(INSERT).executeBatch(rows).mapEmpty();
    }

    @Override
    public Future<ClaimStore.Claim> insertAndGet(ApprovedClaim claim) {
        return tx.preparedQuery(INSERT + " RETURNING " + PgClaimStore.COLUMNS)
                .execute(row(claim))
                .map(rows -> PgClaimStore.claim(rows.iterator().next()));
    }

    @Override
    public Future<Void> adjust(String refundId, List<DirectSettlementRefund.Adjustment> adjustments, Instant at) {
        if (adjustments.isEmpty()) {
            return Future.succeededFuture();
        }
        List<Tuple> updates = new ArrayList<>();
        List<Tuple> rows = new ArrayList<>();
        for (DirectSettlementRefund.Adjustment a : adjustments) {
            SettledClaim b = a.before();
            updates.add(Tuple.of(
                    b.claimId(),
                    a.payout().value(),
                    a.paysHospital().value(),
                    a.paysPatient().value(),
                    CompactText.of(AdjudicationJson.policyBytes(a.result()))));
            rows.add(Tuple.from(List.of(
                    b.claimId(),
                    refundId,
                    at.atOffset(ZoneOffset.UTC),
                    b.payout().value(),
                    b.paysHospital().value(),
                    b.paysPatient().value(),
                    a.payout().value(),
                    a.paysHospital().value(),
                    a.paysPatient().value(),
                    a.receivableFromHospital().value(),
                    a.receivableFromPatient().value())));
        }
        return tx.preparedQuery(ADJUST)
                .executeBatch(updates)
                .compose(v -> tx.preparedQuery(ADJUSTMENT).executeBatch(rows))
                .mapEmpty();
    }

    @Override
    public Future<Void> markReversed(List<SettledClaim> reversed, Instant at) {
        if (reversed.isEmpty()) {
            return Future.succeededFuture();
        }
        String[] ids = reversed.stream().map(SettledClaim::claimId).toArray(String[]::new);
        return tx.preparedQuery(REVERSE)
                .execute(Tuple.of(ids, at.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    if (rows.rowCount() != ids.length) {
                        // the claims were locked when the reversal was decided: nothing may have moved them since
                        throw new IllegalStateException(
                                "reversed " + rows.rowCount() + " of " + ids.length + " claims");
                    }
                    return null;
                });
    }

    private static Tuple row(ApprovedClaim c) {
        return Tuple.tuple()
                .addString(c.claimId())
                .addString(c.setlId())
                .addString(c.policyNo())
                .addString(c.insurerId())
                .addString(c.result().planId())
                .addInteger(c.planVersion())
                .addString(c.channel().name())
                .addBigDecimal(c.payout().value())
                .addBigDecimal(c.paysHospital().value())
                .addBigDecimal(c.paysPatient().value())
                .addBuffer(CompactText.of(AdjudicationJson.policyBytes(c.result())))
                .addOffsetDateTime(c.createdAt().atOffset(ZoneOffset.UTC));
    }
}
