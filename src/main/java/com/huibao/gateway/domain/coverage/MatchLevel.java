package com.huibao.gateway.domain.coverage;

/**
 * How a list entry's code matches a fee line's {@code med_list_codg}: the whole code, or a prefix of it (a
 * consumable's generic-name level is its first 10 characters, class levels its first 3/5/7, the product its first 20).
 */
public enum MatchLevel {
  EXACT,
  PREFIX
}
