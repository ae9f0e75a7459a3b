package com.huibao.gateway.app.settlement;

import com.huibao.gateway.app.port.SettlementEvent;
import com.huibao.gateway.app.port.StatementLine;
import com.huibao.gateway.domain.money.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A hospital's daily reconciliation statement (对账单): every confirmation and reversal of the day, and per insurer
 * what it owes the hospital: {@code net = confirmed − reversed + adjusted} of the claims' hospital shares (a partial
 * refund's adjustment is the change it made, usually negative).
 */
public record Statement(
        String fixmedinsCode,
        LocalDate date,
        List<SettlementEvent> settlements,
        List<StatementLine> lines,
        Map<String, InsurerTotal> byInsurer,
        InsurerTotal total) {

    /**
     * Counts and sums of hospital shares: confirmed, reversed, adjusted by partial refunds (signed), and
     * {@code net = confirmed − reversed + adjusted}.
     */
    public record InsurerTotal(
            int confirmedClaims,
            Money confirmed,
            int reversedClaims,
            Money reversed,
            int adjustedClaims,
            Money adjusted,
            Money net) {}
}
