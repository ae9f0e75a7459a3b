package com.huibao.gateway.domain.coverage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Finds the entries whose code matches a line code without scanning the list: one hash map for exact codes and one
 * per prefix length in use, each mapping a code to the entries' positions in document order.
 */
final class EntryIndex {
  private static final int[] NONE = new int[0];

  private final Map<String, int[]> exact = new HashMap<>();
  private final int[] prefixLengths;
  private final Map<String, int[]>[] prefixes;

  @SuppressWarnings("unchecked")
  EntryIndex(List<ListEntry> entries) {
    TreeSet<Integer> lengths = new TreeSet<>();
    for (ListEntry e : entries) {
      if (e.match() == MatchLevel.PREFIX) {
        lengths.add(e.code().length());
      }
    }
    prefixLengths = lengths.stream().mapToInt(Integer::intValue).toArray();
    prefixes = new Map[prefixLengths.length];
    for (int k = 0; k < prefixes.length; k++) {
      prefixes[k] = new HashMap<>();
    }
    for (int i = 0; i < entries.size(); i++) {
      ListEntry e = entries.get(i);
      Map<String, int[]> target = e.match() == MatchLevel.EXACT
          ? exact
          : prefixes[Arrays.binarySearch(prefixLengths, e.code().length())];
      target.merge(e.code(), new int[] {i}, EntryIndex::concat);
    }
  }

  /** Positions of all entries matching {@code code}, ascending (document order). */
  int[] candidates(String code) {
    if (code == null) {
      return NONE;
    }
    int[] found = exact.getOrDefault(code, NONE);
    List<int[]> more = null;
    for (int k = 0; k < prefixLengths.length && prefixLengths[k] <= code.length(); k++) {
      int[] hit = prefixes[k].get(code.substring(0, prefixLengths[k]));
      if (hit != null) {
        if (found.length == 0) {
          found = hit;
        } else {
          if (more == null) {
            more = new ArrayList<>();
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

  private static int[] concat(int[] a, int[] b) {
    int[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
