package com.huibao.gateway.domain.benefit;

import com.huibao.gateway.domain.money.Money;
import java.util.List;

/**
 * What one policy did with one line: the parts available to it (after earlier policies), what it paid, and every
 * unpaid amount with its reason. {@code inList + outOfList = paid + Σ unpaid}.
 */
public record LineOutcome(String feedetlSn, Money inList, Money outOfList, Money paid, List<UnpaidPart> unpaid) {

    public LineOutcome {
        unpaid = List.copyOf(unpaid);
    }
}
