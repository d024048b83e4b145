package org.vaxslots.parse;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.vaxslots.model.Endpoint;
import org.vaxslots.model.UsualDates;

/** A session's {@code date} as Co-WIN sends it: day first, {@code dd-MM-yyyy}. */
final class SessionDates {
    private SessionDates() {}

    static LocalDate parse(String text) throws BadRecordException {
        LocalDate usual = UsualDates.dayFirst(text);
        if (usual != null) {
            return usual;
        }
        try {
            return LocalDate.parse(text.trim(), Endpoint.DATE_PARAM_READ);
        } catch (DateTimeParseException e) {
            throw new BadRecordException(RejectReason.BAD_DATE, "date " + RejectSnippets.dateText(text) + " is not dd-MM-yyyy");
        }
    }
}
