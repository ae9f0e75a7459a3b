package com.huibao.gateway.domain.reconciliation;

import com.huibao.gateway.domain.money.Money;
import java.time.LocalDateTime;

/** One direct settlement of a period as the gateway holds it: its time, whether reversed, and its amounts. */
public record SettlementFigure(
        String setlId,
        LocalDateTime setlTime,
        boolean reversed,
        Money psnPartAmt,
        Money insurerPaysHospital,
        Money patientCashDue) {}
