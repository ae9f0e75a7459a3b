package com.huibao.gateway.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link NationalTime} reads every text as the JDK's {@code parseBest(text, OffsetDateTime::from,
 * LocalDateTime::from)} did form by form (the oracle below, the reader as it was before it stopped catching the JDK's
 * exceptions), over the forms of every shipped profile: times written in each form, with and without offsets,
 * impossible days, and the texts hospitals get wrong (cut short, a stray suffix, another form's separators).
 */
class NationalTimeProperties {
    private static final List<DateTimeFormatter> DATE_TIMES = forms("date_time_formats");
    private static final List<DateTimeFormatter> DATES = forms("date_formats");

    private static List<DateTimeFormatter> forms(String member) {
        Set<String> patterns = new LinkedHashSet<>();
        try (Stream<Path> files = Files.list(Path.of("config/profiles"))) {
            for (Path f : files.sorted().toList()) {
                JsonNode profile = Json.parse(Files.readAllBytes(f));
                profile.path(member).forEach(p -> patterns.add(p.asText()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(patterns).isNotEmpty();
        List<DateTimeFormatter> out = new ArrayList<>();
        patterns.forEach(p -> out.add(DateTimeFormatter.ofPattern(p)));
        return out;
    }

    /** The reader before: each form's parseBest, its exception meaning "the next form". */
    private static LocalDateTime oracleDateTime(String text, List<DateTimeFormatter> forms) {
        for (DateTimeFormatter form : forms) {
            try {
                TemporalAccessor t = form.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
                return t instanceof OffsetDateTime o
                        ? o.atZoneSameInstant(NationalTime.BEIJING).toLocalDateTime()
                        : (LocalDateTime) t;
            } catch (DateTimeParseException e) {
                // the next form
            }
        }
        return null;
    }

    private static LocalDate oracleDate(String text) {
        for (DateTimeFormatter form : DATES) {
            try {
                return LocalDate.from(form.parse(text));
            } catch (DateTimeParseException e) {
                // the next form
            }
        }
        LocalDateTime t = oracleDateTime(text, DATE_TIMES);
        return t == null ? null : t.toLocalDate();
    }

    @Property(tries = 3000)
    void date_times_read_as_before(@ForAll("texts") String text) {
        assertThat(NationalTime.dateTime(text, DATE_TIMES)).as(text).isEqualTo(oracleDateTime(text, DATE_TIMES));
    }

    @Property(tries = 3000)
    void dates_read_as_before(@ForAll("texts") String text) {
        assertThat(NationalTime.date(text, DATES, DATE_TIMES)).as(text).isEqualTo(oracleDate(text));
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<LocalDateTime> times = Combinators.combine(
                        Arbitraries.integers().between(1900, 2100),
                        Arbitraries.integers().between(1, 12),
                        Arbitraries.integers().between(1, 31),
                        Arbitraries.integers().between(0, 86_399),
                        Arbitraries.integers().between(0, 999))
                .as((y, m, d, s, ms) -> LocalDate.of(
                                y, m, Math.min(d, LocalDate.of(y, m, 1).lengthOfMonth()))
                        .atStartOfDay()
                        .plusSeconds(s)
                        .plusNanos(ms * 1_000_000L));
        Arbitrary<ZoneOffset> offsets =
                Arbitraries.integers().between(-48, 56).map(q -> ZoneOffset.ofTotalSeconds(q * 15 * 60));
        Arbitrary<String> written = Combinators.combine(times, offsets, Arbitraries.of(DATE_TIMES))
                .as((t, o, form) -> form.format(t.atOffset(o)));
        Arbitrary<String> dates =
                Combinators.combine(times, Arbitraries.of(DATES)).as((t, form) -> form.format(t));
        Arbitrary<String> damaged = Combinators.combine(
                        written,
                        Arbitraries.of("", " ", "Z", "+08:00", " 00:00:00", ".5", "x", "T"),
                        Arbitraries.integers().between(0, 4))
                .as((text, suffix, cut) -> text.substring(0, Math.max(0, text.length() - cut)) + suffix);
        Arbitrary<String> edge = Arbitraries.of(
                "2026-02-30 10:00:00",
                "2026-02-29 10:00:00",
                "2024-02-29 24:00:00",
                "2026-13-01 00:00:00",
                "2026-03-13T02:15:22Z",
                "2026-03-13 02:15:22+08:00",
                "2026-03-13 02:15:22.123-05:30",
                "20260313021522",
                "20260313021522123",
                "2026-03-13",
                "20260313",
                "1990-02-02 00:00:00",
                "",
                " ",
                "0000-00-00 00:00:00",
                "2026/03/13 02:15:22");
        return Arbitraries.oneOf(written, dates, damaged, edge);
    }
}
