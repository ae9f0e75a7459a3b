package com.huibao.gateway.domain.benefit;

import com.huibao.gateway.domain.money.LargestRemainder;
import com.huibao.gateway.domain.money.Money;
import com.huibao.gateway.domain.settlement.FeeLine;
import com.huibao.gateway.domain.settlement.Settlement;
import java.util.ArrayList;
import java.util.List;

/**
 * SPEC §3.1: {@code in_scope_selfpay = psn_part_amt − Σ out_of_list − Σ preselfpay_amt} shared over the lines by
 * {@code inscp_scp_amt} (largest remainder), so that {@code Σ burden = psn_part_amt}. Expects a validated settlement.
 */
public final class BurdenCalculator {
  private BurdenCalculator() {
  }

  public static List<LineBurden> burdens(Settlement s) {
    List<FeeLine> lines = s.lines();
    int n = lines.size();
    Money[] weights = new Money[n];
    Money inScope = s.setlinfo().psnPartAmt();
    for (int i = 0; i < n; i++) {
      FeeLine l = lines.get(i);
      weights[i] = l.inscpScpAmt();
      inScope = inScope.minus(l.outOfList()).minus(l.preselfpayAmt());
    }
    Money[] shares = LargestRemainder.split(inScope, weights);
    List<LineBurden> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      FeeLine l = lines.get(i);
      out.add(new LineBurden(l.feedetlSn(), l.preselfpayAmt().plus(shares[i]), l.outOfList()));
    }
    return out;
  }
}
