package com.huibao.gateway.app.port;

import java.time.Instant;

/** A confirmed direct settlement as stored: the idempotency record and its responses, exactly as sent. */
public record DirectSettlementRecord(
        String setlId,
        String fixmedinsCode,
        String requestHash,
        String state,
        Instant confirmedAt,
        String confirmResponse,
        Instant reversedAt,
        String reversalResponse,
        String personKey) {

    public boolean reversed() {
        return "REVERSED".equals(state);
    }
}
