package org.vaxslots.parse;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.vaxslots.model.UsualDates;

/** A session's {@code date} as Co-WIN sends it: day first, {@code dd-MM-yyyy}. */
final class SessionDates {
    private SessionDates() {}

    static LocalDate parse(String text) throws BadRecordException {
        try {
            return UsualDates.dayFirst(text.trim());
        } catch (DateTimeParseException e) {
            throw new BadRecordException(RejectReason.BAD_DATE, "date " + RejectSnippets.dateText(text) + " is not dd-MM-yyyy");
        }
    }
}
