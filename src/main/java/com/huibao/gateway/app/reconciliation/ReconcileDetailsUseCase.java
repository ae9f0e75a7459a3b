package com.huibao.gateway.app.reconciliation;

import com.huibao.gateway.app.port.PeriodActivityStore;
import com.huibao.gateway.app.security.Principal;
import com.huibao.gateway.domain.reconciliation.DetailMatch;
import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code POST /v1/reconciliation/details}: the hospital pushes its settlements of a period one by one (对明细账) and
 * learns which only the gateway holds, which only it lists, and which differ in state or amount. Changes nothing.
 */
public final class ReconcileDetailsUseCase {
    private final PeriodActivityStore store;

    public ReconcileDetailsUseCase(PeriodActivityStore store) {
        this.store = store;
    }

    public Future<DetailMatch.Result> execute(
            Principal hospital, LocalDate from, LocalDate to, List<DetailMatch.Listed> theirs) {
        Periods.check(from, to);
        return store.period(hospital.tenant(), from, to).map(p -> DetailMatch.match(theirs, p.settlements()));
    }
}
