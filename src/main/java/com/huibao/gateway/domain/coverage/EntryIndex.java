package com.huibao.gateway.domain.coverage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds the entries whose code matches a line code without scanning the list: a hash map for exact codes, and for
 * prefix entries one open-addressing table per prefix length in use, keyed by the prefix's {@link String#hashCode}
 * computed while walking the line code once (no substring is made), each hit verified character by character; and
 * a hash map of generic-name keys ({@link GenericName}) for entries matched by name. Candidates come back as
 * positions in document order.
 */
final class EntryIndex {
    private static final int[] NONE = new int[0];

    private final List<ListEntry> entries;
    private final Map<String, int[]> exact = new HashMap<>();
    private final Map<String, int[]> names = new HashMap<>();
    /** Ascending prefix lengths in use, and per length: slot → hash, slot → entry positions (null = empty slot). */
    private final int[] lengths;

    private final int[][] slotHash;
    private final int[][][] slotEntries;

    EntryIndex(List<ListEntry> entries) {
        this.entries = entries;
        TreeMap<Integer, Map<String, int[]>> byLength = new TreeMap<>();
        for (int i = 0; i < entries.size(); i++) {
            ListEntry e = entries.get(i);
            if (e.match() == MatchLevel.EXACT) {
                exact.merge(e.code(), new int[] {i}, EntryIndex::concat);
            } else if (e.match() == MatchLevel.GENERIC_NAME) {
                String key = GenericName.key(e.code());
                if (key != null) {
                    names.merge(key, new int[] {i}, EntryIndex::concat);
                }
            } else {
                byLength.computeIfAbsent(e.code().length(), k -> new HashMap<>())
                        .merge(e.code(), new int[] {i}, EntryIndex::concat);
            }
        }
        lengths = byLength.keySet().stream().mapToInt(Integer::intValue).toArray();
        slotHash = new int[lengths.length][];
        slotEntries = new int[lengths.length][][];
        int k = 0;
        for (Map<String, int[]> table : byLength.values()) {
            int size = Integer.highestOneBit(Math.max(4, table.size() * 2)) << 1;
            slotHash[k] = new int[size];
            slotEntries[k] = new int[size][];
            for (Map.Entry<String, int[]> e : table.entrySet()) {
                int hash = e.getKey().hashCode();
                int slot = slot(hash, size);
                while (slotEntries[k][slot] != null) {
                    slot = (slot + 1) & (size - 1);
                }
                slotHash[k][slot] = hash;
                slotEntries[k][slot] = e.getValue();
            }
            k++;
        }
    }

    private static int slot(int hash, int size) {
        int h = hash ^ (hash >>> 16);
        return h & (size - 1);
    }

    boolean hasNames() {
        return !names.isEmpty();
    }

    /**
     * Positions of all entries matching {@code code} or, for entries by name, the line's generic-name key (null when
     * the list has no such entries or the line no name), ascending (document order).
     */
    int[] candidates(String code, String genericKey) {
        int[] byCode = candidates(code);
        int[] byName = genericKey == null ? NONE : names.getOrDefault(genericKey, NONE);
        if (byName.length == 0) {
            return byCode;
        }
        if (byCode.length == 0) {
            return byName;
        }
        int[] all = concat(byCode, byName);
        Arrays.sort(all);
        return all;
    }

    /** Positions of all entries matching {@code code}, ascending (document order). */
    int[] candidates(String code) {
        if (code == null) {
            return NONE;
        }
        int[] found = exact.getOrDefault(code, NONE);
        if (lengths.length == 0) {
            return found;
        }
        List<int[]> more = null;
        int hash = 0;
        int walked = 0;
        for (int k = 0; k < lengths.length && lengths[k] <= code.length(); k++) {
            for (; walked < lengths[k]; walked++) {
                hash = 31 * hash + code.charAt(walked);
            }
            int[] hit = prefixHit(k, hash, code);
            if (hit.length > 0) {
                if (found.length == 0) {
                    found = hit;
                } else {
                    if (more == null) {
                        more = new ArrayList<>(2);
                    }
                    more.add(hit);
                }
            }
        }
        if (more == null) {
            return found;
        }
        int[] all = found;
        for (int[] m : more) {
            all = concat(all, m);
        }
        Arrays.sort(all);
        return all;
    }

    /** Entries of prefix length {@code lengths[k]} whose code is the start of {@code code}. */
    private int[] prefixHit(int k, int hash, String code) {
        int[] hashes = slotHash[k];
        int[][] slots = slotEntries[k];
        int mask = hashes.length - 1;
        for (int slot = slot(hash, hashes.length); slots[slot] != null; slot = (slot + 1) & mask) {
            if (hashes[slot] == hash) {
                int[] positions = slots[slot];
                String prefix = entries.get(positions[0]).code();
                // Same hash and length; distinct prefixes may still collide, so compare, and probe on.
                if (code.regionMatches(0, prefix, 0, prefix.length())) {
                    return positions;
                }
            }
        }
        return NONE;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
