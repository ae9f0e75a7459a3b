package com.huibao.gateway.domain.coverage;

/** The outcome of matching one line against one list: the entry that applies, or why none does. */
public record ListMatch(ListEntry entry, MatchFailure failure) {

  public static ListMatch of(ListEntry entry) {
    return new ListMatch(entry, null);
  }

  public static ListMatch failed(MatchFailure failure) {
    return new ListMatch(null, failure);
  }

  public boolean matched() {
    return entry != null;
  }
}
