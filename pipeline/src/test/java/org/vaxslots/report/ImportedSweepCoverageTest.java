package org.vaxslots.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaxslots.testing.Cli;

/**
 * An archive of saved answers named by district and date, imported with --name-pattern: its
 * requests carry district ids, so crawl_coverage counts it exactly like a live sweep, against the
 * district list of the day, and each district that answered "nothing" has its rows of zeros.
 */
class ImportedSweepCoverageTest {
    @TempDir
    Path dir;

    @Test
    void report_importByNamePattern_coverageAsForALiveSweepAndRowsOfZeros() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("Centers_304_24-05-2021.json"), "{\"centers\":[]}");
        Files.writeString(in.resolve("Centers_305_24-05-2021.json"), "{\"centers\":[]}");
        String root = dir.resolve("data").toString();
        Cli.Run imported = Cli.run("import", "--data-root", root, "--sweep-id", "may24", "--as-of", "2021-05-24T05:00:00Z",
                "--endpoint", "calendarByDistrict", "--name-pattern", "Centers_{district_id}_{date}.json", in.toString());
        assertEquals(0, imported.exit(), imported.err());
        assertEquals(0, Cli.run("normalize", "--data-root", root).exit());

        Cli.Run r = Cli.run("report", "--data-root", root, "--release", "may24");

        assertEquals(0, r.exit(), r.err());
        Path pack = dir.resolve("data/reports/may24");
        Map<String, String> crawl = ReportJobTest.rowsBy(pack.resolve("crawl_coverage.csv"), "sweep_id").get("may24");
        assertEquals(List.of("2", "0", "2", "0", "0", "100.0", "cowin_districts_2021-05-14", "756", "754"),
                List.of(crawl.get("districts_attempted"), crawl.get("districts_ok"), crawl.get("districts_empty"),
                        crawl.get("districts_throttled"), crawl.get("districts_failed"), crawl.get("crawl_coverage_pct"),
                        crawl.get("district_list"), crawl.get("districts_listed"), crawl.get("districts_not_attempted")));
        List<CSVRecord> rows = ReportJobTest.read(pack.resolve("district_daily_coverage.csv"));
        assertEquals(2 * 7 * 2, rows.size(), "Kottayam and Kozhikode x 24-30 May x 18-44 and 45+");
        assertEquals(List.of("0"), rows.stream().map(c -> c.get("peak_open_capacity")).distinct().toList());
    }
}
