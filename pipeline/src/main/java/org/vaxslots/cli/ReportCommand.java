package org.vaxslots.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.vaxslots.report.ReportJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Bring the derived tables of `compact` up to date for the range, run notebooks-sql",
                "(staging -> intermediate -> marts; every check must return no rows) and write a report pack:",
                "seven long-format CSVs (rejects_summary.csv: what could not be read), README.md, dictionary.csv,",
                "datapackage.json (the pack as a Frictionless Tabular Data Package: every CSV typed, keyed and hashed),",
                "index.html (the pack as one self-contained page: key findings, the charts with their data, the files),",
                "manifest.json with checksums and provenance, and PNG charts. The pack is built aside and renamed",
                "into place; the same tables give the same CSVs."})
final class ReportCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    SessionDates dates;

    @Option(names = "--release", paramLabel = "NAME", description = "Pack name (default: --to, else the latest session date).")
    String release;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write the pack (default: <data-root>/reports/<release>/).")
    Path out;

    @Option(names = "--chart-date", paramLabel = "DATE", description = "Session date (yyyy-MM-dd) of the per-capita chart"
            + " (default: the session date with the most districts read).")
    LocalDate chartDate;

    @Option(names = "--timings", description = "Print the wall time of each notebooks-sql file and report step to stderr.")
    boolean timings;

    @Override
    public Integer call() throws Exception {
        ReportJob.Result result = ReportJob.run(common.root(), new ReportJob.Request(dates.from, dates.to, release, out, chartDate));
        if (timings) {
            result.timings().forEach((step, d) -> System.err.printf(Locale.ROOT, "%8.2f s  %s%n", d.toNanos() / 1e9, step));
        }
        System.out.println(summary(result));
        return 0;
    }

    static String summary(ReportJob.Result r) {
        return "report " + r.release() + " from " + r.sweeps().size() + " sweep(s) at " + r.pack() + ": "
                + r.csvRows().entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + " rows")
                .collect(Collectors.joining(", "));
    }
}
