package com.huibao.gateway.domain.benefit;

import com.huibao.gateway.domain.money.Money;
import java.util.ArrayList;
import java.util.List;

/**
 * The per-line personal burden of a settlement (SPEC §3.1), kept as fen in line order; the {@link LineBurden} views
 * are built on first read.
 */
public final class Burdens {
  final String[] sns;
  final long[] inList;
  final long[] outOfList;
  private List<LineBurden> views;

  Burdens(String[] sns, long[] inList, long[] outOfList) {
    this.sns = sns;
    this.inList = inList;
    this.outOfList = outOfList;
  }

  public int size() {
    return sns.length;
  }

  public synchronized List<LineBurden> asList() {
    if (views == null) {
      List<LineBurden> out = new ArrayList<>(sns.length);
      for (int i = 0; i < sns.length; i++) {
        out.add(new LineBurden(sns[i], Money.ofFen(inList[i]), Money.ofFen(outOfList[i])));
      }
      views = List.copyOf(out);
    }
    return views;
  }
}
