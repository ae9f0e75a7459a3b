package com.huibao.gateway.adapter.pg;

import com.huibao.gateway.app.port.PeriodActivityStore;
import com.huibao.gateway.domain.claim.ClaimState;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.reconciliation.ClaimFigure;
import com.huibao.gateway.domain.reconciliation.SettlementFigure;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A hospital's direct settlements of a period by settlement day ({@code setl_time} is Beijing wall time). */
public final class PgPeriodActivityStore implements PeriodActivityStore {
    private static final String SETTLEMENTS = "SELECT d.setl_id, s.setl_time, d.state, s.psn_part_amt, "
            + "d.insurer_pays_hospital, d.patient_cash_due FROM direct_settlement_totals d "
            + "JOIN settlements s ON s.setl_id = d.setl_id WHERE d.fixmedins_code = $1 AND s.setl_time >= $2 "
            + "AND s.setl_time < $3 ORDER BY s.setl_time, d.setl_id";
    private static final String CLAIMS = "SELECT c.insurer_id, c.state, c.pays_hospital, c.remitted "
            + "FROM direct_settlements d JOIN settlements s ON s.setl_id = d.setl_id "
            + "JOIN claims c ON c.setl_id = d.setl_id AND c.channel = 'DIRECT_SETTLEMENT' "
            + "WHERE d.fixmedins_code = $1 AND s.setl_time >= $2 AND s.setl_time < $3";

    private final Pool pool;

    public PgPeriodActivityStore(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Future<Period> period(String fixmedinsCode, LocalDate from, LocalDate to) {
        Tuple args = Tuple.of(fixmedinsCode, from.atStartOfDay(), to.plusDays(1).atStartOfDay());
        Future<List<SettlementFigure>> settlements = pool.preparedQuery(SETTLEMENTS)
                .execute(args)
                .map(rows -> {
                    List<SettlementFigure> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new SettlementFigure(
                                r.getString(0),
                                r.getLocalDateTime(1),
                                "REVERSED".equals(r.getString(2)),
                                Money.of(r.getBigDecimal(3)),
                                Money.of(r.getBigDecimal(4)),
                                Money.of(r.getBigDecimal(5))));
                    }
                    return out;
                });
        Future<List<ClaimFigure>> claims = pool.preparedQuery(CLAIMS)
                .execute(args)
                .map(rows -> {
                    List<ClaimFigure> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new ClaimFigure(
                                r.getString(0),
                                ClaimState.valueOf(r.getString(1)),
                                Money.of(r.getBigDecimal(2)),
                                Money.of(r.getBigDecimal(3))));
                    }
                    return out;
                });
        return Future.all(settlements, claims)
                .map(v -> new Period(settlements.result(), claims.result()))
                .recover(e -> Future.failedFuture(PgErrors.translate(e)));
    }
}
