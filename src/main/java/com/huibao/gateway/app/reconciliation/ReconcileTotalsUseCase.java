package com.huibao.gateway.app.reconciliation;

import com.huibao.gateway.app.port.PeriodActivityStore;
import com.huibao.gateway.app.security.Principal;
import com.huibao.gateway.domain.reconciliation.InsurerAccount;
import com.huibao.gateway.domain.reconciliation.PeriodTotals;
import com.huibao.gateway.domain.reconciliation.SettlementFigure;
import com.huibao.gateway.domain.reconciliation.TotalsCheck;
import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/reconciliation/totals}: the hospital pushes its totals of a period (settlement days, Beijing) and
 * learns whether the gateway's agree; when they do not, the differing figures and the gateway's settlements of the
 * period, so the hospital can find the difference (or push its list to {@link ReconcileDetailsUseCase}). Per insurer:
 * confirmed, reversed, paid, outstanding and owed back, as of now. Changes nothing.
 */
public final class ReconcileTotalsUseCase {
    private final PeriodActivityStore store;

    public ReconcileTotalsUseCase(PeriodActivityStore store) {
        this.store = store;
    }

    public record Question(LocalDate from, LocalDate to, boolean refundsIncluded, TotalsCheck.Claimed totals) {}

    public record Answer(
            Question question,
            PeriodTotals ours,
            List<TotalsCheck.Difference> differences,
            Map<String, InsurerAccount> byInsurer,
            List<SettlementFigure> settlements) {

        public boolean balanced() {
            return differences.isEmpty();
        }
    }

    public Future<Answer> execute(Principal hospital, Question q) {
        Periods.check(q.from(), q.to());
        return store.period(hospital.tenant(), q.from(), q.to()).map(p -> {
            PeriodTotals ours = PeriodTotals.of(p.settlements(), q.refundsIncluded());
            List<TotalsCheck.Difference> diff = TotalsCheck.compare(q.totals(), ours);
            return new Answer(
                    q, ours, diff, InsurerAccount.of(p.claims()), diff.isEmpty() ? List.of() : p.settlements());
        });
    }
}
