package com.huibao.gateway.app.port;

import com.huibao.gateway.app.Failure;
import com.huibao.gateway.domain.benefit.Accumulators;
import io.vertx.core.Future;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Direct settlements on durable storage, each write one transaction. */
public interface DirectSettlementStore {

    /** The decision a confirm takes once it holds the locks: given the policies' fresh accumulators and the policies
     * that already have a live claim for this settlement (any channel). */
    interface Decide {
        Confirmation apply(Map<String, Accumulators> accumulators, Set<String> alreadyClaimed);
    }

    Future<Optional<DirectSettlementRecord>> find(String setlId);

    /**
     * In one transaction: store the settlement (or find the identical one), claim {@code setl_id} for this request
     * (a concurrent or earlier confirm wins and is returned instead), lock the policies in {@code policyNos} order,
     * read their accumulators, call {@code decide}, then write the claims, the accumulator deltas and the response.
     *
     * @throws Failure.Conflict (failed future) when a different settlement is stored under the
     *     same {@code setl_id}
     */
    Future<ConfirmOutcome> confirm(
            StoredSettlement settlement, String requestHash, List<String> policyNos, Instant now, Decide decide);

    /**
     * In one transaction: reverse the hospital's confirmed settlement: subtract exactly the recorded deltas, mark its
     * claims REVERSED, store and return the reversal response; a reversed one returns its stored response.
     *
     * @return empty when the hospital has no such confirmed settlement
     * @throws Failure.Conflict (failed future) when a claim of it was already paid
     */
    Future<Optional<String>> reverse(String setlId, String fixmedinsCode, Instant now);

    /** Every confirmation and reversal of the hospital on that Beijing-time calendar day. */
    Future<DayActivity> day(String fixmedinsCode, LocalDate date);
}
