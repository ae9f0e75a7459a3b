package com.huibao.gateway.app.reconciliation;

import com.huibao.gateway.app.port.PeriodActivityStore;
import com.huibao.gateway.app.security.Principal;
import com.huibao.gateway.domain.reconciliation.SettlementFigure;
import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.List;

/** {@code GET /v1/reconciliation/period}: the calling hospital's direct settlements of a period, its detail file. */
public final class ExportPeriodUseCase {
    private final PeriodActivityStore store;

    public ExportPeriodUseCase(PeriodActivityStore store) {
        this.store = store;
    }

    public Future<List<SettlementFigure>> execute(Principal hospital, LocalDate from, LocalDate to) {
        Periods.check(from, to);
        return store.period(hospital.tenant(), from, to).map(PeriodActivityStore.Period::settlements);
    }
}
