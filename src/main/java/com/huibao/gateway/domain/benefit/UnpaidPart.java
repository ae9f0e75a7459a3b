package com.huibao.gateway.domain.benefit;

import com.huibao.gateway.domain.money.Money;

/**
 * An amount of a line's burden a policy did not pay, and why: a stable reason code ({@link UnpaidReason} or a
 * policy-level denial such as {@code NO_AUTHORIZATION}) and the responsibility involved, if any.
 */
public record UnpaidPart(String reason, Money amount, String responsibility) {
}
