package com.huibao.gateway.domain.benefit;

import com.huibao.gateway.domain.money.Money;

/**
 * A fee line's personal burden (docs/SETTLEMENTS.md): the in-list part ({@code preselfpay_amt} + share of in-scope
 * self-pay) and the out-of-list part ({@code fulamt_ownpay_amt + overlmt_amt}) the patient carries, after what the
 * hospital bore ({@code hospitalPart}) and what compensation from elsewhere paid inside the settlement; and the
 * compensation from elsewhere on this line ({@code compensated}: inside the settlement or declared with the claim),
 * which no policy pays again.
 */
public record LineBurden(String feedetlSn, Money inList, Money outOfList, Money hospitalPart, Money compensated) {

    public LineBurden(String feedetlSn, Money inList, Money outOfList) {
        this(feedetlSn, inList, outOfList, Money.ZERO, Money.ZERO);
    }

    public Money burden() {
        return inList.plus(outOfList);
    }
}
