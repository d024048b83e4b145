package org.vaxslots.parse;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.vaxslots.model.Endpoint;

/** A session's {@code date} as Co-WIN sends it: day first, {@code dd-MM-yyyy}. */
final class SessionDates {
    private SessionDates() {}

    static LocalDate parse(String text) throws BadRecordException {
        LocalDate usual = ddMmYyyy(text);
        if (usual != null) {
            return usual;
        }
        try {
            return LocalDate.parse(text.trim(), Endpoint.DATE_PARAM_READ);
        } catch (DateTimeParseException e) {
            throw new BadRecordException(RejectReason.BAD_DATE, "date " + RejectSnippets.dateText(text) + " is not dd-MM-yyyy");
        }
    }

    /**
     * The form nearly every session date has, "dd-MM-yyyy", read without the formatter (it was a
     * tenth of the parse time); null for anything else, which the formatter then reads or rejects.
     */
    private static LocalDate ddMmYyyy(String t) {
        if (t.length() != 10 || t.charAt(2) != '-' || t.charAt(5) != '-') {
            return null;
        }
        int day = digits(t, 0, 2);
        int month = digits(t, 3, 5);
        int year = digits(t, 6, 10);
        if (day < 1 || month < 1 || month > 12 || year < 0 || day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        return LocalDate.of(year, month, day);
    }

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
