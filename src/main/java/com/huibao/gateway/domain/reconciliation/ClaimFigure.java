package com.huibao.gateway.domain.reconciliation;

import com.huibao.gateway.domain.claim.ClaimState;
import com.huibao.gateway.domain.money.Money;

/** One direct-settlement claim of a period: its insurer, state, hospital share and what was remitted on it. */
public record ClaimFigure(String insurerId, ClaimState state, Money paysHospital, Money remitted) {}
