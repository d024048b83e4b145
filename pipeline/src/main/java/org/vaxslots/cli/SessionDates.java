package org.vaxslots.cli;

import java.time.LocalDate;
import picocli.CommandLine.Option;

/** The session-date range of the jobs that read the derived tables (compact, report); open at either end. */
final class SessionDates {
    @Option(names = "--from", paramLabel = "DATE", description = "First session date, inclusive (yyyy-MM-dd).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "Last session date, inclusive (yyyy-MM-dd).")
    LocalDate to;
}
