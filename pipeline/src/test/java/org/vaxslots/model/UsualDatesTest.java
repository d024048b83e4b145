package org.vaxslots.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Each reading gives for every text what the formatter alone gives (the same value, or both
 * refuse it), and reads the usual form without the formatter: every day of the usual form,
 * random instants over ten millennia, and each of them with one character changed, the near
 * misses the formatters have rules for (leap seconds, 24:00, days a month lacks, a wrong day of
 * the week, other cases and zones).
 */
class UsualDatesTest {
    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final String MUTATIONS = "0123456789-:TZ.tz+ ,GMTaJFMSW";

    @Test
    void dayFirst_readsAsTheRequestDateFormatter() {
        List<String> texts = new ArrayList<>();
        for (String year : List.of("0000", "0001", "1899", "1900", "2000", "2004", "2021", "2022", "2100", "9999")) {
            for (int month = 0; month < 20; month++) {
                for (int day = 0; day < 40; day++) {
                    texts.add(String.format(Locale.ROOT, "%02d-%02d-%s", day, month, year));
                }
            }
        }
        texts.addAll(List.of("1-5-2021", "01-5-2021", "01-05-21", "01-05-20210", "01/05/2021", " 01-05-2021",
                "0a-05-2021", "01-05-202x", "", "--------- "));
        int usual = 0;
        for (String t : texts) {
            assertEquals(orNull(s -> LocalDate.parse(s, Endpoint.DATE_PARAM_READ), t), orNull(UsualDates::dayFirst, t), t);
            if (UsualDates.usualDayFirst(t) != null) {
                usual++;
            }
        }
        // ten years, three of them leap years (0000, 2000, 2004)
        assertEquals(10 * 365 + 3, usual, "every real day of the usual form is read without the formatter");
    }

    @Test
    void isoInstant_readsAsInstantParse() {
        Random random = new Random(14);
        List<String> texts = new ArrayList<>(List.of("2021-05-01T10:00:00Z", "2021-05-01T24:00:00Z",
                "2021-05-01T23:59:60Z", "2021-02-29T10:00:00Z", "2020-02-29T10:00:00Z", "2021-04-31T00:00:00Z",
                "2021-05-01t10:00:00z", "2021-05-01T10:00:00+01:00", "2021-05-01T10:00:00.Z",
                "2021-05-01T10:00:00.1234567890Z", "2021-05-01T10:00:00.5Z", "2021-05-01T10:00Z",
                "+10000-01-01T00:00:00Z", "-0001-01-01T00:00:00Z", "0000-01-01T00:00:00Z", "2021-05-01 10:00:00Z"));
        for (int i = 0; i < 4000; i++) {
            long second = random.nextLong(Instant.parse("0000-01-01T00:00:00Z").getEpochSecond(),
                    Instant.parse("9999-12-31T23:59:59Z").getEpochSecond());
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            String t = Instant.ofEpochSecond(second, nanos).toString();
            assertNotNull(UsualDates.usualIsoInstant(t), t);
            texts.add(t);
            texts.add(mutated(t, random));
        }
        for (String t : texts) {
            assertEquals(orNull(Instant::parse, t), orNull(UsualDates::isoInstant, t), t);
        }
    }

    @Test
    void httpDate_readsAsTheRfc1123Formatter() {
        Random random = new Random(7);
        List<String> texts = new ArrayList<>(List.of("Sat, 01 May 2021 10:00:00 GMT", "Sun, 01 May 2021 10:00:00 GMT",
                "Sat, 1 May 2021 10:00:00 GMT", "01 May 2021 10:00:00 GMT", "Sat, 01 may 2021 10:00:00 GMT",
                "SAT, 01 MAY 2021 10:00:00 GMT", "Sat, 01 May 2021 10:00:00 UTC", "Sat, 01 May 2021 10:00:00 +0000",
                "Sat, 01 May 2021 15:30:00 +0530", "Sat, 01 May 2021 24:00:00 GMT", "Sat, 01 May 2021 23:59:60 GMT",
                "Fri, 30 Apr 2021 10:00:00 GMT", "Sat, 31 Apr 2021 10:00:00 GMT", "Mon, 29 Feb 2021 10:00:00 GMT",
                "Sat, 29 Feb 2020 10:00:00 GMT", "Sat, 01 May 2021 10:00 GMT", "Saturday, 01 May 2021 10:00:00 GMT"));
        for (int i = 0; i < 4000; i++) {
            long second = random.nextLong(Instant.parse("1900-01-01T00:00:00Z").getEpochSecond(),
                    Instant.parse("2100-12-31T23:59:59Z").getEpochSecond());
            String t = IMF_FIXDATE.format(Instant.ofEpochSecond(second));
            assertNotNull(UsualDates.usualHttpDate(t), t);
            texts.add(t);
            texts.add(mutated(t, random));
            // the same date named another day of the week
            texts.add(List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun").get(random.nextInt(7)) + t.substring(3));
        }
        for (String t : texts) {
            assertEquals(orNull(s -> ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant(), t),
                    orNull(UsualDates::httpDate, t), t);
        }
    }

    private static String mutated(String t, Random random) {
        int at = random.nextInt(t.length());
        return t.substring(0, at) + MUTATIONS.charAt(random.nextInt(MUTATIONS.length())) + t.substring(at + 1);
    }

    /** What a reading gives, or null where it throws (the formatters throw a DateTimeException). */
    private static <T> T orNull(Function<String, T> read, String t) {
        try {
            return read.apply(t);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
