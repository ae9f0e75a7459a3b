package com.huibao.gateway.app.settlement;

import com.huibao.gateway.app.port.DayActivity;
import com.huibao.gateway.app.port.DirectSettlementStore;
import com.huibao.gateway.app.port.StatementLine;
import com.huibao.gateway.app.security.Principal;
import com.huibao.gateway.domain.money.Money;
import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code GET /v1/reconciliation/{date}}: the calling hospital's statement of that day. */
public final class ReconciliationUseCase {
    private final DirectSettlementStore store;

    public ReconciliationUseCase(DirectSettlementStore store) {
        this.store = store;
    }

    public Future<Statement> execute(Principal hospital, LocalDate date) {
        return store.day(hospital.tenant(), date).map(day -> statement(hospital.tenant(), date, day));
    }

    static Statement statement(String hospital, LocalDate date, DayActivity day) {
        List<StatementLine> lines = day.claims();
        Map<String, Statement.InsurerTotal> by = new TreeMap<>();
        Statement.InsurerTotal all = new Statement.InsurerTotal(0, Money.ZERO, 0, Money.ZERO, Money.ZERO);
        for (StatementLine l : lines) {
            by.merge(l.insurerId(), single(l), ReconciliationUseCase::add);
            all = add(all, single(l));
        }
        return new Statement(hospital, date, day.settlements(), lines, by, all);
    }

    private static Statement.InsurerTotal single(StatementLine l) {
        boolean confirmed = "CONFIRMED".equals(l.event());
        return new Statement.InsurerTotal(
                confirmed ? 1 : 0,
                confirmed ? l.paysHospital() : Money.ZERO,
                confirmed ? 0 : 1,
                confirmed ? Money.ZERO : l.paysHospital(),
                confirmed ? l.paysHospital() : Money.ZERO.minus(l.paysHospital()));
    }

    private static Statement.InsurerTotal add(Statement.InsurerTotal a, Statement.InsurerTotal b) {
        return new Statement.InsurerTotal(
                a.confirmedClaims() + b.confirmedClaims(),
                a.confirmed().plus(b.confirmed()),
                a.reversedClaims() + b.reversedClaims(),
                a.reversed().plus(b.reversed()),
                a.net().plus(b.net()));
    }
}
