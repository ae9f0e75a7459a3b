package com.huibao.gateway.codec;

import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.List;

/**
 * Times of the national messages as Beijing wall time: the forms a profile accepts, a time with an offset converted
 * to Asia/Shanghai ({@code 2026-03-13T02:15:22Z} is {@code 2026-03-13 10:15:22}).
 *
 * <p>Read without exceptions where it can be: a form that does not fit the text is found by
 * {@link DateTimeFormatter#parseUnresolved}, which says so by its result, and a time without an offset is not first
 * tried as an {@code OffsetDateTime}. Catching the JDK's exceptions for that cost 7 µs for the common {@code
 * yyyy-MM-dd HH:mm:ss} and 15–30 µs for the later forms, per field (a national fee line carries {@code fee_ocur_time});
 * the answers are those of {@code parseBest(text, OffsetDateTime::from, LocalDateTime::from)} form by form
 * ({@code NationalTimeProperties}).
 */
final class NationalTime {
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private NationalTime() {}

    /** The wall time, or null when no form reads it. */
    static LocalDateTime dateTime(String text, List<DateTimeFormatter> forms) {
        for (DateTimeFormatter form : forms) {
            TemporalAccessor t = parsed(text, form);
            if (t == null) {
                continue;
            }
            if (t.query(TemporalQueries.offset()) != null) {
                try {
                    return OffsetDateTime.from(t).atZoneSameInstant(BEIJING).toLocalDateTime();
                } catch (DateTimeException e) {
                    // as parseBest: then as a local date-time
                }
            }
            try {
                return LocalDateTime.from(t);
            } catch (DateTimeException e) {
                // the next form
            }
        }
        return null;
    }

    /** A date, or the date of a date-time ({@code brdy} may carry {@code " 00:00:00"}); null when nothing reads it. */
    static LocalDate date(String text, List<DateTimeFormatter> dateForms, List<DateTimeFormatter> dateTimeForms) {
        for (DateTimeFormatter form : dateForms) {
            TemporalAccessor t = parsed(text, form);
            if (t != null) {
                try {
                    return LocalDate.from(t);
                } catch (DateTimeException e) {
                    // the next form
                }
            }
        }
        LocalDateTime t = dateTime(text, dateTimeForms);
        return t == null ? null : t.toLocalDate();
    }

    /** The text read and resolved by the form as a whole, or null when the form does not fit it. */
    private static TemporalAccessor parsed(String text, DateTimeFormatter form) {
        ParsePosition at = new ParsePosition(0);
        if (form.parseUnresolved(text, at) == null || at.getErrorIndex() >= 0 || at.getIndex() < text.length()) {
            return null;
        }
        try {
            return form.parse(text);
        } catch (DateTimeException e) {
            return null; // fits the form but is no time (a 30 February): the next form
        }
    }
}
