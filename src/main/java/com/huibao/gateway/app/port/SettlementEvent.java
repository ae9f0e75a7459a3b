package com.huibao.gateway.app.port;

import com.huibao.gateway.domain.money.Money;
import java.time.Instant;

/** A direct settlement confirmed ({@code CONFIRMED}) or reversed ({@code REVERSED}) on a statement's day. */
public record SettlementEvent(
        String setlId,
        String event,
        Instant at,
        Money payoutTotal,
        Money insurerPaysHospital,
        Money patientCashDue,
        Money insurerPaysPatient) {}
