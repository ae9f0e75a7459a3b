package com.huibao.gateway.domain.benefit;

import com.huibao.gateway.domain.money.LargestRemainder;
import com.huibao.gateway.domain.settlement.FeeLine;
import com.huibao.gateway.domain.settlement.Settlement;
import java.util.List;

/**
 * SPEC §3.1: {@code in_scope_selfpay = psn_part_amt − Σ out_of_list − Σ preselfpay_amt} shared over the lines by
 * {@code inscp_scp_amt} (largest remainder), so that {@code Σ burden = psn_part_amt}. Expects a validated settlement.
 */
public final class BurdenCalculator {
  private BurdenCalculator() {
  }

  public static Burdens burdens(Settlement s) {
    List<FeeLine> lines = s.lines();
    int n = lines.size();
    String[] sns = new String[n];
    long[] weights = new long[n];
    long[] outOfList = new long[n];
    long inScope = s.setlinfo().psnPartAmt().fen();
    for (int i = 0; i < n; i++) {
      FeeLine l = lines.get(i);
      sns[i] = l.feedetlSn();
      weights[i] = l.inscpScpAmt().fen();
      outOfList[i] = l.fulamtOwnpayAmt().fen() + l.overlmtAmt().fen();
      inScope -= outOfList[i] + l.preselfpayAmt().fen();
    }
    long[] inList = LargestRemainder.split(inScope, weights);
    for (int i = 0; i < n; i++) {
      inList[i] += lines.get(i).preselfpayAmt().fen();
    }
    return new Burdens(sns, inList, outOfList);
  }
}
