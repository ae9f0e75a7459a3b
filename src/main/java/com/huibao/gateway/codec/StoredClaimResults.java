package com.huibao.gateway.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.huibao.gateway.app.port.ClaimResults;
import com.huibao.gateway.domain.benefit.UnpaidReason;
import com.huibao.gateway.domain.money.Money;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@link ClaimResults} over the JSON {@link AdjudicationJson} stores with each claim ({@code line_outcomes}). */
public final class StoredClaimResults implements ClaimResults {
    @Override
    public Map<UnpaidReason, Money> unpaidByReason(String storedResult) {
        Map<UnpaidReason, Money> why = new LinkedHashMap<>();
        for (JsonNode line : Json.parse(storedResult).path("line_outcomes")) {
            for (JsonNode u : line.path("unpaid")) {
                why.merge(
                        UnpaidReason.valueOf(u.get("reason").asText()),
                        Money.parse(u.get("amount").asText()),
                        Money::plus);
            }
        }
        return why;
    }
}
