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
        Statement.InsurerTotal all =
                new Statement.InsurerTotal(0, Money.ZERO, 0, Money.ZERO, 0, Money.ZERO, Money.ZERO);
        for (StatementLine l : lines) {
            by.merge(l.insurerId(), single(l), ReconciliationUseCase::add);
            all = add(all, single(l));
        }
        return new Statement(hospital, date, day.settlements(), lines, by, all);
    }

    private static Statement.InsurerTotal single(StatementLine l) {
        Money share = l.paysHospital();
        return switch (l.event()) {
            case "CONFIRMED" -> new Statement.InsurerTotal(1, share, 0, Money.ZERO, 0, Money.ZERO, share);
            case "ADJUSTED" -> new Statement.InsurerTotal(0, Money.ZERO, 0, Money.ZERO, 1, share, share);
            default -> new Statement.InsurerTotal(0, Money.ZERO, 1, share, 0, Money.ZERO, Money.ZERO.minus(share));
        };
    }

    private static Statement.InsurerTotal add(Statement.InsurerTotal a, Statement.InsurerTotal b) {
        return new Statement.InsurerTotal(
                a.confirmedClaims() + b.confirmedClaims(),
                a.confirmed().plus(b.confirmed()),
                a.reversedClaims() + b.reversedClaims(),
                a.reversed().plus(b.reversed()),
                a.adjustedClaims() + b.adjustedClaims(),
                a.adjusted().plus(b.adjusted()),
                a.net().plus(b.net()));
    }
}
