package com.huibao.gateway.domain.coverage;

import java.time.LocalDate;
import java.util.List;

/**
 * One version of a coverage list (特药目录, 创新药械目录, …), in force on {@code [effectiveFrom, effectiveTo)}; a
 * null {@code effectiveTo} is open-ended.
 */
public final class ListVersion {
    private final String listId;
    private final String version;
    private final LocalDate effectiveFrom;
    private final LocalDate effectiveTo;
    private final List<ListEntry> entries;
    private final EntryIndex index;
    private final ListMatch[] matches;

    public ListVersion(
            String listId, String version, LocalDate effectiveFrom, LocalDate effectiveTo, List<ListEntry> entries) {
        this.listId = listId;
        this.version = version;
        this.effectiveFrom = effectiveFrom;
        this.effectiveTo = effectiveTo;
        this.entries = List.copyOf(entries);
        this.index = new EntryIndex(this.entries);
        this.matches = this.entries.stream().map(ListMatch::of).toArray(ListMatch[]::new);
    }

    public String listId() {
        return listId;
    }

    public String version() {
        return version;
    }

    public LocalDate effectiveFrom() {
        return effectiveFrom;
    }

    public LocalDate effectiveTo() {
        return effectiveTo;
    }

    public List<ListEntry> entries() {
        return entries;
    }

    public boolean inForce(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || date.isBefore(effectiveTo));
    }

    public boolean overlaps(ListVersion other) {
        boolean thisStartsBeforeOtherEnds = other.effectiveTo == null || effectiveFrom.isBefore(other.effectiveTo);
        boolean otherStartsBeforeThisEnds = effectiveTo == null || other.effectiveFrom.isBefore(effectiveTo);
        return thisStartsBeforeOtherEnds && otherStartsBeforeThisEnds;
    }

    /**
     * SPEC §3.8: the first entry in document order whose code matches and whose restrictions all hold; when none
     * does, the failure of the first entry whose code matched (or {@link MatchFailure#NOT_ON_LIST}).
     */
    public ListMatch match(LineContext line) {
        return match(line, null);
    }

    /** Whether some entry matches by generic name (then {@link #match(LineContext, String)} wants the line's key). */
    public boolean matchesNames() {
        return index.hasNames();
    }

    /** As {@link #match(LineContext)}, entries by name matched against the line's generic-name key. */
    public ListMatch match(LineContext line, String genericKey) {
        int[] candidates = index.candidates(line.code(), genericKey);
        MatchFailure first = null;
        for (int i : candidates) {
            ListEntry e = entries.get(i);
            MatchFailure failure = e.restrictionFailure(line);
            if (failure == null) {
                return matches[i];
            }
            if (first == null) {
                first = failure;
            }
        }
        return ListMatch.failed(first == null ? MatchFailure.NOT_ON_LIST : first);
    }
}
