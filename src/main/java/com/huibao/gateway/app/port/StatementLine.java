package com.huibao.gateway.app.port;

import com.huibao.gateway.domain.money.Money;
import java.time.Instant;

/**
 * One line of a hospital's daily statement (对账单): a claim's effect on what an insurer owes the hospital.
 * {@code event} is {@code CONFIRMED} (positive amounts) or {@code REVERSED} (the same amounts, to subtract).
 */
public record StatementLine(
        String setlId,
        String event,
        Instant at,
        String claimId,
        String insurerId,
        String policyNo,
        Money payout,
        Money paysHospital,
        Money paysPatient) {}
