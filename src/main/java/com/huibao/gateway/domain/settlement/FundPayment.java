package com.huibao.gateway.domain.settlement;

import com.huibao.gateway.domain.money.Money;

/** One {@code setldetail} row: a fund type, what it paid, and what that fund is to the gateway. */
public record FundPayment(String fundPayType, Money amount, FundKind kind) {}
