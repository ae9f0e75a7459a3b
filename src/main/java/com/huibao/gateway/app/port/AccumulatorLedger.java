package com.huibao.gateway.app.port;

import com.huibao.gateway.domain.benefit.Accumulators;
import com.huibao.gateway.domain.benefit.PolicyResult;
import com.huibao.gateway.domain.claim.ClaimChannel;
import io.vertx.core.Future;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Accumulators inside a transaction: what each policy consumed, and per settlement and channel what it added (the
 * deltas a reversal subtracts). Policies are locked before their accumulators are read, always in policy-number
 * order, so that two transactions never wait for each other crosswise.
 */
public interface AccumulatorLedger {
    /** Locks the policies (sorted) until the transaction ends. */
    Future<Void> lock(List<String> policyNos);

    /** Accumulators by policy_no; policies without any are absent (= empty). */
    Future<Map<String, Accumulators>> of(Collection<String> policyNos);

    /** Adds each result's delta to its policy's accumulators and records it as this settlement's, per channel. */
    Future<Void> add(String setlId, ClaimChannel channel, List<PolicyResult> results);

    /** Locks the policies this settlement added to through the channel, and reads what it added (not yet reversed). */
    Future<Map<String, Accumulators>> lockRecorded(String setlId, ClaimChannel channel);

    /**
     * The accumulators of the policies this settlement added to through the channel, as they were just before it
     * did: now, less every live delta of the policy added at or after this settlement's (locked by
     * {@link #lockRecorded}).
     */
    Future<Map<String, Accumulators>> before(String setlId, ClaimChannel channel);

    /**
     * Replaces what the settlement added through the channel by these results' deltas (a partial refund): the
     * accumulators lose the old deltas and gain the new ones, and the settlement keeps its place in each policy's
     * order.
     */
    Future<Void> replaceRecorded(String setlId, ClaimChannel channel, List<PolicyResult> results);

    /** Subtracts exactly what the settlement added through the channel, and marks those deltas reversed. */
    Future<Void> subtractRecorded(String setlId, ClaimChannel channel);
}
