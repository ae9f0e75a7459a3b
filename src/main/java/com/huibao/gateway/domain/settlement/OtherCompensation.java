package com.huibao.gateway.domain.settlement;

import com.huibao.gateway.domain.money.Money;

/**
 * Compensation the patient received for this settlement's costs outside it (a mutual-aid subsidy, an insurer the
 * gateway does not know), declared with the claim ({@code other_compensation}). No policy pays it again.
 */
public record OtherCompensation(String source, Money amount) {}
