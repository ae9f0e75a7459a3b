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
            + "(SELECT person_key FROM settlements s WHERE s.setl_id = direct_settlements.setl_id) "
            + "FROM direct_settlements WHERE setl_id = $1";

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
                                + "SELECT setl_id, 'REVERSED', reversed_at, payout_total, insurer_pays_hospital, patient_cash_due, "
                                + "insurer_pays_patient FROM direct_settlements WHERE fixmedins_code = $1 AND reversed_at >= $2 "
                                + "AND reversed_at < $3 ORDER BY 3, 1, 2")
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
                        "SELECT d.setl_id, 'CONFIRMED', d.confirmed_at, c.claim_id, c.insurer_id, c.policy_no, c.payout, "
                                + "c.pays_hospital, c.pays_patient FROM direct_settlements d JOIN claims c ON c.setl_id = d.setl_id "
                                + "AND c.channel = 'DIRECT_SETTLEMENT' WHERE d.fixmedins_code = $1 AND d.confirmed_at >= $2 "
                                + "AND d.confirmed_at < $3 UNION ALL "
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
                r.getString(5),
                reversed == null ? null : reversed.toInstant(),
                r.getString(7),
                r.getString(8));
    }
}
