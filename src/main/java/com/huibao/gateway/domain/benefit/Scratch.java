package com.huibao.gateway.domain.benefit;

import com.huibao.gateway.domain.coverage.ListEntry;

/**
 * Per-line working arrays of the responsibility being applied, allocated once per policy and reset line by line
 * (the engine's hot loop allocates no per-responsibility arrays).
 */
final class Scratch {
    final boolean[] takesIn;
    final boolean[] takesOut;
    /** The parts taken as they are left to pay (after compensation and earlier policies). */
    final long[] parts;
    /**
     * The same parts as costs (before any compensation), and eligible of them: only for a plan whose compensation
     * rule needs them ({@code min_of_own_and_remaining}, or what others paid counting toward the deductible); null
     * otherwise.
     */
    final long[] costs;

    final long[] eligibleCosts;
    final long[] aboveStandard;
    /** Beyond the days' supply: made on first use (few plans limit it). */
    private long[] beyondSupply;
    /** Eligible of what is left to pay. */
    final long[] eligible;
    /** Deductible shown on the line, and the split's weight (eligible − deductible). */
    final long[] deducted;

    final long[] base;
    final long[] remainder;
    final int[] order;
    /** The list entry each line matched (null: all-lines responsibility or no entry). */
    final ListEntry[] entries;
    /** Why a line's share was cut by a sub-limit, and the limit; null = not cut. */
    final UnpaidReason[] limitReason;

    final LimitKey[] limitKey;

    Scratch(int n, boolean costs) {
        takesIn = new boolean[n];
        takesOut = new boolean[n];
        parts = new long[n];
        this.costs = costs ? new long[n] : null;
        this.eligibleCosts = costs ? new long[n] : null;
        aboveStandard = new long[n];
        eligible = new long[n];
        deducted = new long[n];
        base = new long[n];
        remainder = new long[n];
        order = new int[n];
        entries = new ListEntry[n];
        limitReason = new UnpaidReason[n];
        limitKey = new LimitKey[n];
    }

    boolean takes(int i) {
        return takesIn[i] || takesOut[i];
    }

    /**
     * Clears line i for the next responsibility. Only what is read of lines it does not take is cleared: the other
     * arrays are written for every line it takes ({@link #take}) before they are read.
     */
    void reset(int i) {
        takesIn[i] = false;
        takesOut[i] = false;
        entries[i] = null;
        base[i] = 0;
    }

    /** Line i taken: the parts as left to pay and as costs, eligible until {@link Eligibility} says otherwise. */
    void take(int i, boolean in, boolean out, long partsFen, long costsFen, ListEntry entry) {
        takesIn[i] = in;
        takesOut[i] = out;
        parts[i] = partsFen;
        if (costs != null) {
            costs[i] = costsFen;
            eligibleCosts[i] = costsFen;
        }
        aboveStandard[i] = 0;
        if (beyondSupply != null) {
            beyondSupply[i] = 0;
        }
        eligible[i] = partsFen;
        deducted[i] = 0;
        entries[i] = entry;
    }

    long[] beyondSupply() {
        if (beyondSupply == null) {
            beyondSupply = new long[parts.length];
        }
        return beyondSupply;
    }

    /** Beyond the days' supply on line i (0 when nothing was). */
    long beyondSupply(int i) {
        return beyondSupply == null ? 0 : beyondSupply[i];
    }

    /** The costs of line i (what is left to pay when the plan does not keep costs apart). */
    long costs(int i) {
        return costs == null ? parts[i] : costs[i];
    }

    long eligibleCosts(int i) {
        return eligibleCosts == null ? eligible[i] : eligibleCosts[i];
    }
}
