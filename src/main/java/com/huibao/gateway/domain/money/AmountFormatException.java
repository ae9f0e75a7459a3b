package com.huibao.gateway.domain.money;

/** An amount that is not a plain decimal with at most 2 decimals. */
public final class AmountFormatException extends IllegalArgumentException {
    public AmountFormatException(String message) {
        super(message);
    }
}
