package com.huibao.gateway.app.reconciliation;

import com.huibao.gateway.domain.validation.InvalidDocumentException;
import com.huibao.gateway.domain.validation.Violation;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** A reconciliation period: a start not after its end, at most 366 days (a year's statement, not an export of all). */
final class Periods {
    static final int MAX_DAYS = 366;

    private Periods() {}

    static void check(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw InvalidDocumentException.inconsistent(List.of(new Violation(
                    "stmt_enddate", "PERIOD_REVERSED", "stmt_enddate " + to + " is before stmt_begndate " + from)));
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw InvalidDocumentException.inconsistent(List.of(
                    new Violation("stmt_enddate", "PERIOD_TOO_LONG", "a period covers at most " + MAX_DAYS + " days")));
        }
    }
}
