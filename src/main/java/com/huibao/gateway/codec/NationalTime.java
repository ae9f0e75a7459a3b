package com.huibao.gateway.codec;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.List;

/**
 * Times of the national messages as Beijing wall time: the forms a profile accepts, a time with an offset converted
 * to Asia/Shanghai ({@code 2026-03-13T02:15:22Z} is {@code 2026-03-13 10:15:22}).
 */
final class NationalTime {
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private NationalTime() {}

    /** The wall time, or null when no form reads it. */
    static LocalDateTime dateTime(String text, List<DateTimeFormatter> forms) {
        for (DateTimeFormatter form : forms) {
            try {
                TemporalAccessor t = form.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
                return t instanceof OffsetDateTime o
                        ? o.atZoneSameInstant(BEIJING).toLocalDateTime()
                        : (LocalDateTime) t;
            } catch (DateTimeParseException e) {
                // the next form
            }
        }
        return null;
    }

    /** A date, or the date of a date-time ({@code brdy} may carry {@code " 00:00:00"}); null when nothing reads it. */
    static LocalDate date(String text, List<DateTimeFormatter> dateForms, List<DateTimeFormatter> dateTimeForms) {
        for (DateTimeFormatter form : dateForms) {
            try {
                return LocalDate.from(form.parse(text));
            } catch (DateTimeParseException e) {
                // the next form
            }
        }
        LocalDateTime t = dateTime(text, dateTimeForms);
        return t == null ? null : t.toLocalDate();
    }
}
