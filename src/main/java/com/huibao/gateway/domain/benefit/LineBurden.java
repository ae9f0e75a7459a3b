package com.huibao.gateway.domain.benefit;

import com.huibao.gateway.domain.money.Money;

/**
 * A fee line's personal burden (SPEC §3.1): {@code in_list = preselfpay_amt + share of in-scope self-pay},
 * {@code out_of_list = fulamt_ownpay_amt + overlmt_amt}.
 */
public record LineBurden(String feedetlSn, Money inList, Money outOfList) {

  public Money burden() {
    return inList.plus(outOfList);
  }
}
