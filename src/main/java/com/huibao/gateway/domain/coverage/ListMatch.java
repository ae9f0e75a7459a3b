package com.huibao.gateway.domain.coverage;

import java.util.Arrays;

/** The outcome of matching one line against one list: the entry that applies, or why none does. */
public record ListMatch(ListEntry entry, MatchFailure failure) {

    public static ListMatch of(ListEntry entry) {
        return new ListMatch(entry, null);
    }

    private static final ListMatch[] FAILED = Arrays.stream(MatchFailure.values())
            .map(f -> new ListMatch(null, f))
            .toArray(ListMatch[]::new);

    public static ListMatch failed(MatchFailure failure) {
        return FAILED[failure.ordinal()];
    }

    public boolean matched() {
        return entry != null;
    }
}
