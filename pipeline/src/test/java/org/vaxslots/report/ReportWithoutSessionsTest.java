package org.vaxslots.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaxslots.testing.Cli;

/** "No slots anywhere" is an answer: a data root whose sweeps listed no session still gets a report. */
class ReportWithoutSessionsTest {
    @TempDir
    Path dir;

    @Test
    void report_overSweepsThatListedNoSession_buildsAPackOfEmptyAnswers() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("calendarByDistrict_district_id=290_date=24-05-2021.json"), "{\"centers\":[]}");
        String root = dir.resolve("data").toString();
        assertEquals(0, Cli.run("import", "--data-root", root, "--sweep-id", "e1", "--as-of", "2021-05-24T05:00:00Z",
                in.toString()).exit());
        assertEquals(0, Cli.run("normalize", "--data-root", root).exit());

        Cli.Run r = Cli.run("report", "--data-root", root, "--release", "empty");

        assertEquals(0, r.exit(), r.err());
        Path pack = dir.resolve("data/reports/empty");
        List<String> crawl = Files.readAllLines(pack.resolve("crawl_coverage.csv"));
        assertTrue(crawl.size() >= 1, "the header at least: " + crawl);
        assertEquals(1, Files.readAllLines(pack.resolve("district_daily_coverage.csv")).size(), "only the header");
        assertTrue(Files.exists(pack.resolve("manifest.json")));
    }
}
