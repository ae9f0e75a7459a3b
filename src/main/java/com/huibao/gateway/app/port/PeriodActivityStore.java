package com.huibao.gateway.app.port;

import com.huibao.gateway.domain.reconciliation.ClaimFigure;
import com.huibao.gateway.domain.reconciliation.SettlementFigure;
import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.List;

/** A hospital's direct settlements whose settlement day (Beijing) lies in a period, and their claims. */
public interface PeriodActivityStore {
    record Period(List<SettlementFigure> settlements, List<ClaimFigure> claims) {}

    /** Settlements with {@code setl_time} on a day in [from, to], in time order; their direct-settlement claims. */
    Future<Period> period(String fixmedinsCode, LocalDate from, LocalDate to);
}
