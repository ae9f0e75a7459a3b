package com.huibao.gateway.domain.benefit;

import com.huibao.gateway.domain.money.Money;

/**
 * An amount of a line's burden a policy did not pay, and why: a stable reason code ({@link UnpaidReason} or a
 * policy-level denial such as {@code NO_AUTHORIZATION}), the responsibility involved, if any, and for a sub-limit
 * the key of the limit that stopped it (e.g. {@code entry:HMB-SPECIALTY-DRUGS:XL01XEA147A001010181836}).
 */
public record UnpaidPart(String reason, Money amount, String responsibility, String limit) {

  public UnpaidPart(String reason, Money amount, String responsibility) {
    this(reason, amount, responsibility, null);
  }
}
