package com.huibao.gateway.domain.plan;

import com.huibao.gateway.domain.money.Money;

/** A deductible shared by the responsibilities that name it, consumed across the policy year. */
public record DeductiblePool(String id, Money amount) {
}
