package org.vaxslots.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaxslots.testing.Cli;

/**
 * "No slots anywhere" is an answer: a data root whose sweeps listed no session still gets a report,
 * and a district read with nothing listed gets rows of zeros, never a missing row.
 */
class ReportWithoutSessionsTest {
    @TempDir
    Path dir;

    /** One recorded file imported as sweep e1 (as of 24 May 2021, 05:00 UTC) and normalized; the data root. */
    private String importAndNormalize(String fileName, String body) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve(fileName), body);
        String root = dir.resolve("data").toString();
        assertEquals(0, Cli.run("import", "--data-root", root, "--sweep-id", "e1", "--as-of", "2021-05-24T05:00:00Z",
                in.toString()).exit());
        assertEquals(0, Cli.run("normalize", "--data-root", root).exit());
        return root;
    }

    @Test
    void report_overSweepsThatListedNoSession_buildsAPackOfEmptyAnswers() throws Exception {
        String root = importAndNormalize("calendarByDistrict_district_id=290_date=24-05-2021.json", "{\"centers\":[]}");

        Cli.Run r = Cli.run("report", "--data-root", root, "--release", "empty");

        assertEquals(0, r.exit(), r.err());
        Path pack = dir.resolve("data/reports/empty");
        List<String> crawl = Files.readAllLines(pack.resolve("crawl_coverage.csv"));
        assertTrue(crawl.size() >= 1, "the header at least: " + crawl);
        assertEquals(1, Files.readAllLines(pack.resolve("district_daily_coverage.csv")).size(), "only the header");
        assertTrue(Files.exists(pack.resolve("manifest.json")));
    }

    @Test
    void report_districtThatAnsweredNothing_hasARowOfZerosPerDayOfItsWindowAndStandardAgeGroup() throws Exception {
        String root = importAndNormalize("calendarByDistrict_304-Kottayam_2021-05-24_s1.json", "{\"centers\":[]}");

        Cli.Run r = Cli.run("report", "--data-root", root, "--release", "empty");

        assertEquals(0, r.exit(), r.err());
        List<CSVRecord> rows = ReportJobTest.read(dir.resolve("data/reports/empty/district_daily_coverage.csv"));
        List<String> keys = rows.stream().map(c -> c.get("session_date") + " " + c.get("age_group")).toList();
        List<String> expected = new ArrayList<>();
        for (int day = 24; day <= 30; day++) {
            expected.add("2021-05-" + day + " 18-44");
            expected.add("2021-05-" + day + " 45+");
        }
        assertEquals(expected, keys, "24 to 30 May (the 7-day window of the request) x 18-44 and 45+");
        for (CSVRecord row : rows) {
            assertEquals(List.of("Kerala", "Kottayam", "304", "0", "0", "0", "0.0", "", "0.00", "1", "0"),
                    List.of(row.get("state_name"), row.get("district_name"), row.get("district_id"), row.get("sessions_listed"),
                            row.get("peak_open_capacity"), row.get("capacity_released_est"), row.get("open_share_pct"),
                            row.get("booked_out_share_pct"), row.get("open_capacity_per_100k"), row.get("sweeps_with_data"),
                            row.get("sweeps_without_data")), "names from Co-WIN's district list: no session named the district");
        }
    }

    @Test
    void report_districtIdInNoList_rowsOfZerosWithoutNamesOrPerCapitaAndNoStateRow() throws Exception {
        String root = importAndNormalize("findByDistrict_9999-Unknown_2021-05-24_s1.json", "{\"sessions\":[]}");

        Cli.Run r = Cli.run("report", "--data-root", root, "--release", "unknown");

        assertEquals(0, r.exit(), r.err());
        Path pack = dir.resolve("data/reports/unknown");
        List<String> rows = Files.readAllLines(pack.resolve("district_daily_coverage.csv"));
        assertEquals(List.of(
                "2021-05-24,,,9999,18-44,0,0,0,0,0,0,0.0,,,,,not_in_crosswalk,,,1,0",
                "2021-05-24,,,9999,45+,0,0,0,0,0,0,0.0,,,,,not_in_crosswalk,,,1,0"), rows.subList(1, rows.size()),
                "findByDistrict covers its one day; no session or list names the district, so its names are empty");
        assertEquals(1, Files.readAllLines(pack.resolve("state_daily_coverage.csv")).size(), "no state to put it in: only the header");
    }
}
