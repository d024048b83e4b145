package org.vaxslots.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The archive's date and time texts, read as java.time's formatters read them, but the form nearly
 * every one of them has without the formatter: a formatter's parse costs microseconds and a big
 * share of a short normalize's JIT compiling, and an archive has several per response (the
 * WARC-Date, the server's Date, the request's date). A text of any other form, or one whose
 * reading needs a formatter's rules (a leap second, 24:00, a day the month lacks, another case or
 * zone), goes to the formatter: a text reads the same either way, and one the formatter refuses
 * throws what it throws ({@code UsualDatesTest} holds each method to its formatter).
 */
public final class UsualDates {
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};
    /** ISO day-of-week order, Monday first. */
    private static final String[] WEEKDAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

    private UsualDates() {}

    /** A day as {@link Endpoint#DATE_PARAM_READ} reads it (day first, also unpadded). */
    public static LocalDate dayFirst(String t) {
        LocalDate usual = usualDayFirst(t);
        return usual != null ? usual : LocalDate.parse(t, Endpoint.DATE_PARAM_READ);
    }

    /** An instant as {@link Instant#parse} reads it (what WARC-Date and an import's as-of hold). */
    public static Instant isoInstant(String t) {
        Instant usual = usualIsoInstant(t);
        return usual != null ? usual : Instant.parse(t);
    }

    /** An HTTP Date as {@link DateTimeFormatter#RFC_1123_DATE_TIME} reads it. */
    public static Instant httpDate(String t) {
        Instant usual = usualHttpDate(t);
        return usual != null ? usual : ZonedDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    }

    /** "dd-MM-yyyy", a real calendar day; null for anything else. */
    static LocalDate usualDayFirst(String t) {
        if (t.length() != 10 || t.charAt(2) != '-' || t.charAt(5) != '-') {
            return null;
        }
        int day = digits(t, 0, 2);
        int month = digits(t, 3, 5);
        int year = digits(t, 6, 10);
        if (!isDay(year, month, day)) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

    /** "yyyy-MM-ddTHH:mm:ssZ", optionally with a fraction of 1 to 9 digits; null for anything else. */
    static Instant usualIsoInstant(String t) {
        int n = t.length();
        if (n < 20 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
                || t.charAt(16) != ':' || t.charAt(n - 1) != 'Z') {
            return null;
        }
        int nanos = 0;
        if (n > 20) {
            int digits = n - 21;
            if (t.charAt(19) != '.' || digits < 1 || digits > 9) {
                return null;
            }
            nanos = digits(t, 20, n - 1);
            if (nanos < 0) {
                return null;
            }
            for (int i = digits; i < 9; i++) {
                nanos *= 10;
            }
        }
        return instant(digits(t, 0, 4), digits(t, 5, 7), digits(t, 8, 10), digits(t, 11, 13), digits(t, 14, 16),
                digits(t, 17, 19), nanos);
    }

    /**
     * "EEE, dd MMM yyyy HH:mm:ss GMT" (RFC 7231's IMF-fixdate, what HTTP servers send), its day of
     * the week the date's; null for anything else.
     */
    static Instant usualHttpDate(String t) {
        if (t.length() != 29 || t.charAt(3) != ',' || t.charAt(4) != ' ' || t.charAt(7) != ' ' || t.charAt(11) != ' '
                || t.charAt(16) != ' ' || t.charAt(19) != ':' || t.charAt(22) != ':' || !t.endsWith(" GMT")) {
            return null;
        }
        int month = -1;
        for (int i = 0; i < MONTHS.length; i++) {
            if (t.startsWith(MONTHS[i], 8)) {
                month = i + 1;
                break;
            }
        }
        Instant instant = instant(digits(t, 12, 16), month, digits(t, 5, 7), digits(t, 17, 19), digits(t, 20, 22),
                digits(t, 23, 25), 0);
        if (instant == null) {
            return null;
        }
        int weekday = (int) Math.floorMod(Math.floorDiv(instant.getEpochSecond(), 86_400L) + 3, 7L);
        return t.startsWith(WEEKDAYS[weekday]) ? instant : null;
    }

    /** The instant of a UTC date and time whose every field is in range, else null. */
    private static Instant instant(int year, int month, int day, int hour, int minute, int second, int nanos) {
        if (!isDay(year, month, day) || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return null;
        }
        long days = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
    }

    private static boolean isDay(int year, int month, int day) {
        if (year < 0 || month < 1 || month > 12 || day < 1) {
            return false;
        }
        int length = switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
        return day <= length;
    }

    /** The decimal number of t[from, to), or -1 if any of it is not an ASCII digit. */
    private static int digits(String t, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
