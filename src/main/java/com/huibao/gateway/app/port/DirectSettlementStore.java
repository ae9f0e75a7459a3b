package com.huibao.gateway.app.port;

import io.vertx.core.Future;
import java.time.LocalDate;
import java.util.Optional;

/** Direct settlements as read outside a transaction (their writes go through {@link DirectSettlementLedger}). */
public interface DirectSettlementStore {

    Future<Optional<DirectSettlementRecord>> find(String setlId);

    /** Every confirmation and reversal of the hospital on that Beijing-time calendar day. */
    Future<DayActivity> day(String fixmedinsCode, LocalDate date);
}
