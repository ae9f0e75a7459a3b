package com.huibao.gateway.adapter.pg;

import com.huibao.gateway.app.port.DayActivity;
import com.huibao.gateway.app.port.DirectSettlementRecord;
import com.huibao.gateway.app.port.DirectSettlementStore;
import com.huibao.gateway.app.port.SettlementEvent;
import com.huibao.gateway.app.port.StatementLine;
import com.huibao.gateway.domain.money.Money;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Direct settlements as read outside a transaction: one record, and a hospital's day for its statement. Confirms and
 * reversals write through the transaction's ledgers ({@link PgDirectSettlementLedger}).
 */
public final class PgDirectSettlementStore implements DirectSettlementStore {
    static final String SELECT_RECORD = "SELECT setl_id, fixmedins_code, request_hash, state, confirmed_at, "
            + "confirm_response, reversed_at, reversal_response, "
            + "(SELECT person_key FROM settlements s WHERE s.setl_id = direct_settlements.setl_id), confirm_response_z, "
            + "plan_versions::text FROM direct_settlements WHERE setl_id = $1";

    private final Pool pool;
    private final ZoneId zone;

    public PgDirectSettlementStore(Pool pool, ZoneId zone) {
        this.pool = pool;
        this.zone = zone;
    }

    @Override
    public Future<Optional<DirectSettlementRecord>> find(String setlId) {
        return pool.preparedQuery(SELECT_RECORD)
                .execute(Tuple.of(setlId))
                .map(rows -> rows.size() == 0
                        ? Optional.<DirectSettlementRecord>empty()
                        : Optional.of(record(rows.iterator().next())))
                .recover(e -> Future.failedFuture(PgErrors.translate(e)));
    }

    @Override
    public Future<DayActivity> day(String fixmedinsCode, LocalDate date) {
        OffsetDateTime from = date.atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime to = date.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        Tuple args = Tuple.of(fixmedinsCode, from, to);
        Future<List<SettlementEvent>> settled = pool.preparedQuery(
                        "SELECT setl_id, 'CONFIRMED', confirmed_at, payout_total, insurer_pays_hospital, patient_cash_due, "
                                + "insurer_pays_patient FROM direct_settlements WHERE fixmedins_code = $1 AND confirmed_at >= $2 "
                                + "AND confirmed_at < $3 UNION ALL "
                                + "SELECT setl_id, 'ADJUSTED', refunded_at, dp, dh, dc, dq FROM (SELECT r.setl_id, r.refunded_at, "
                                + "r.payout_total - coalesce(lag(r.payout_total) OVER w, d.payout_total) AS dp, "
                                + "r.insurer_pays_hospital - coalesce(lag(r.insurer_pays_hospital) OVER w, d.insurer_pays_hospital) AS dh, "
                                + "r.patient_cash_due - coalesce(lag(r.patient_cash_due) OVER w, d.patient_cash_due) AS dc, "
                                + "r.insurer_pays_patient - coalesce(lag(r.insurer_pays_patient) OVER w, d.insurer_pays_patient) AS dq "
                                + "FROM direct_settlement_refunds r JOIN direct_settlements d ON d.setl_id = r.setl_id "
                                + "WHERE d.fixmedins_code = $1 WINDOW w AS (PARTITION BY r.setl_id ORDER BY r.refunded_at, "
                                + "r.refund_id)) x WHERE refunded_at >= $2 AND refunded_at < $3 UNION ALL "
                                + "SELECT setl_id, 'REVERSED', reversed_at, payout_total, insurer_pays_hospital, patient_cash_due, "
                                + "insurer_pays_patient FROM direct_settlement_totals WHERE fixmedins_code = $1 "
                                + "AND reversed_at >= $2 AND reversed_at < $3 ORDER BY 3, 1, 2")
                .execute(args)
                .map(rows -> {
                    List<SettlementEvent> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new SettlementEvent(
                                r.getString(0),
                                r.getString(1),
                                r.getOffsetDateTime(2).toInstant(),
                                Money.of(r.getBigDecimal(3)),
                                Money.of(r.getBigDecimal(4)),
                                Money.of(r.getBigDecimal(5)),
                                Money.of(r.getBigDecimal(6))));
                    }
                    return out;
                });
        Future<List<StatementLine>> claims = pool.preparedQuery(
                        "SELECT d.setl_id, 'CONFIRMED', d.confirmed_at, c.claim_id, c.insurer_id, c.policy_no, "
                                + "coalesce(f.payout_before, c.payout), coalesce(f.pays_hospital_before, c.pays_hospital), "
                                + "coalesce(f.pays_patient_before, c.pays_patient) FROM direct_settlements d "
                                + "JOIN claims c ON c.setl_id = d.setl_id AND c.channel = 'DIRECT_SETTLEMENT' "
                                + "LEFT JOIN LATERAL (SELECT payout_before, pays_hospital_before, pays_patient_before "
                                + "FROM claim_adjustments a WHERE a.claim_id = c.claim_id ORDER BY a.adjusted_at, a.refund_id "
                                + "LIMIT 1) f ON true WHERE d.fixmedins_code = $1 AND d.confirmed_at >= $2 "
                                + "AND d.confirmed_at < $3 UNION ALL "
                                + "SELECT d.setl_id, 'ADJUSTED', a.adjusted_at, c.claim_id, c.insurer_id, c.policy_no, "
                                + "a.payout - a.payout_before, a.pays_hospital - a.pays_hospital_before, "
                                + "a.pays_patient - a.pays_patient_before FROM claim_adjustments a "
                                + "JOIN claims c ON c.claim_id = a.claim_id JOIN direct_settlements d ON d.setl_id = c.setl_id "
                                + "WHERE d.fixmedins_code = $1 AND a.adjusted_at >= $2 AND a.adjusted_at < $3 UNION ALL "
                                + "SELECT d.setl_id, 'REVERSED', d.reversed_at, c.claim_id, c.insurer_id, c.policy_no, c.payout, "
                                + "c.pays_hospital, c.pays_patient FROM direct_settlements d JOIN claims c ON c.setl_id = d.setl_id "
                                + "AND c.channel = 'DIRECT_SETTLEMENT' WHERE d.fixmedins_code = $1 AND d.reversed_at >= $2 "
                                + "AND d.reversed_at < $3 ORDER BY 3, 1, 2, 4")
                .execute(args)
                .map(rows -> {
                    List<StatementLine> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new StatementLine(
                                r.getString(0),
                                r.getString(1),
                                r.getOffsetDateTime(2).toInstant(),
                                r.getString(3),
                                r.getString(4),
                                r.getString(5),
                                Money.of(r.getBigDecimal(6)),
                                Money.of(r.getBigDecimal(7)),
                                Money.of(r.getBigDecimal(8))));
                    }
                    return out;
                });
        return Future.all(settled, claims)
                .map(v -> new DayActivity(settled.result(), claims.result()))
                .recover(e -> Future.failedFuture(PgErrors.translate(e)));
    }

    static DirectSettlementRecord record(Row r) {
        OffsetDateTime reversed = r.getOffsetDateTime(6);
        return new DirectSettlementRecord(
                r.getString(0),
                r.getString(1),
                r.getString(2),
                r.getString(3),
                r.getOffsetDateTime(4).toInstant(),
                CompactText.read(r, 5, 9),
                reversed == null ? null : reversed.toInstant(),
                r.getString(7),
                r.getString(8),
                PlanVersionsJson.read(r.getString(10)));
    }
}
