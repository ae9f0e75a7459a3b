package com.huibao.gateway.app.port;

import java.time.Instant;
import java.util.Map;

/**
 * A confirmed direct settlement as stored: the idempotency record and its responses, exactly as sent, and the version
 * of each plan it was adjudicated under (empty for a settlement confirmed before they were recorded).
 */
public record DirectSettlementRecord(
        String setlId,
        String fixmedinsCode,
        String requestHash,
        String state,
        Instant confirmedAt,
        String confirmResponse,
        Instant reversedAt,
        String reversalResponse,
        String personKey,
        Map<String, Integer> planVersions) {

    public DirectSettlementRecord {
        planVersions = Map.copyOf(planVersions);
    }

    public boolean reversed() {
        return "REVERSED".equals(state);
    }
}
