package org.vaxslots.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaxslots.testing.Cli;
import org.vaxslots.testing.Duck;

/**
 * An archive of saved answers named by district and date, imported with --name-pattern: its
 * requests carry district ids, so crawl_coverage counts it exactly like a live sweep, against the
 * district list of the day, and each district that answered "nothing" has its rows of zeros. Without
 * a districts answer that list is the bundled one of 14 May 2021; with one, it is the sweep's own.
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

    @Test
    void report_importWithItsDistrictsAnswer_coverageAgainstTheSweepsOwnList() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("Centers_304_24-05-2021.json"), "{\"centers\":[]}");
        Files.writeString(in.resolve("Centers_305_24-05-2021.json"), "{\"centers\":[]}");
        Path districts = dir.resolve("districts_17.json");
        Files.writeString(districts, "{\"districts\":[{\"district_id\":304,\"district_name\":\"Kottayam\"},"
                + "{\"district_id\":305,\"district_name\":\"Kozhikode\"},{\"district_id\":306,\"district_name\":\"Idukki\"},"
                + "{\"district_name\":\"no id\"}],\"ttl\":24}");
        String root = dir.resolve("data").toString();
        Cli.Run listed = Cli.run("import", "--data-root", root, "--sweep-id", "may24", "--as-of", "2021-05-24T05:00:00Z",
                "--endpoint", "districts", "--param", "state_id=17", districts.toString());
        assertEquals(0, listed.exit(), listed.err());
        Cli.Run calendars = Cli.run("import", "--data-root", root, "--sweep-id", "may24", "--as-of", "2021-05-24T05:00:00Z",
                "--endpoint", "calendarByDistrict", "--name-pattern", "Centers_{district_id}_{date}.json", in.toString());
        assertEquals(0, calendars.exit(), calendars.err());
        assertEquals(0, Cli.run("normalize", "--data-root", root).exit());

        Cli.Run r = Cli.run("report", "--data-root", root, "--release", "may24");

        assertEquals(0, r.exit(), r.err());
        Path pack = dir.resolve("data/reports/may24");
        Map<String, String> crawl = ReportJobTest.rowsBy(pack.resolve("crawl_coverage.csv"), "sweep_id").get("may24");
        assertEquals(List.of("3", "2", "2", "100.0", "sweep", "3", "1"),
                List.of(crawl.get("fetches_count"), crawl.get("districts_attempted"), crawl.get("districts_empty"),
                        crawl.get("crawl_coverage_pct"), crawl.get("district_list"), crawl.get("districts_listed"),
                        crawl.get("districts_not_attempted")), "Idukki listed, never asked for; the element without an id is a reject");
        assertEquals(List.of(List.of(17, 304, "Kottayam"), List.of(17, 305, "Kozhikode"), List.of(17, 306, "Idukki")),
                Duck.rows("SELECT state_id, district_id, district_name FROM " + Duck.table(Path.of(root), "listed_districts")
                        + " ORDER BY district_id"));
        assertEquals(List.of(List.of("districts[3]", "missing_field")), Duck.rows("SELECT record_path, reason_code FROM "
                + Duck.table(Path.of(root), "rejects")));
        String readme = Files.readString(pack.resolve("README.md"));
        assertTrue(readme.contains("Against the district list of the day (the districts the sweeps' own districts answers"
                + " listed: 3 districts in 1 state), the sweeps together asked for 2 of the 3 districts, in 1 of the 1 state,"
                + " and never for 1; each sweep asked for 2 (`districts_listed` and `districts_not_attempted` in"
                + " `crawl_coverage.csv`). A sweep's own list holds the districts of the states it asked for (`district_list`"
                + " `sweep`), so it speaks for those states only. This is a partial capture of the districts listed: no figure"
                + " here speaks for a district it never asked for."), readme);
    }

    @Test
    void report_oneSweepWithItsDistrictsAnswerOneWithout_eachAgainstItsListAndTheReadmeSaysBoth() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("Centers_304_24-05-2021.json"), "{\"centers\":[]}");
        Path districts = dir.resolve("districts_17.json");
        Files.writeString(districts, "{\"districts\":[{\"district_id\":304,\"district_name\":\"Kottayam\"}]}");
        String root = dir.resolve("data").toString();
        for (String sweep : List.of("may24", "may25")) {
            Cli.Run calendars = Cli.run("import", "--data-root", root, "--sweep-id", sweep, "--as-of", "2021-05-24T05:00:00Z",
                    "--endpoint", "calendarByDistrict", "--name-pattern", "Centers_{district_id}_{date}.json", in.toString());
            assertEquals(0, calendars.exit(), calendars.err());
        }
        Cli.Run listed = Cli.run("import", "--data-root", root, "--sweep-id", "may24", "--as-of", "2021-05-24T05:00:00Z",
                "--endpoint", "districts", "--param", "state_id=17", districts.toString());
        assertEquals(0, listed.exit(), listed.err());
        assertEquals(0, Cli.run("normalize", "--data-root", root).exit());

        Cli.Run r = Cli.run("report", "--data-root", root, "--release", "may");

        assertEquals(0, r.exit(), r.err());
        Path pack = dir.resolve("data/reports/may");
        Map<String, Map<String, String>> crawl = ReportJobTest.rowsBy(pack.resolve("crawl_coverage.csv"), "sweep_id");
        assertEquals(List.of("sweep", "1", "0"), List.of(crawl.get("may24").get("district_list"),
                crawl.get("may24").get("districts_listed"), crawl.get("may24").get("districts_not_attempted")));
        assertEquals(List.of("cowin_districts_2021-05-14", "756", "755"), List.of(crawl.get("may25").get("district_list"),
                crawl.get("may25").get("districts_listed"), crawl.get("may25").get("districts_not_attempted")));
        String readme = Files.readString(pack.resolve("README.md"));
        assertTrue(readme.contains("Against the district list of the day (the districts the sweeps' own districts answers"
                + " listed for 1 sweep, Co-WIN's district list of 14 May 2021, bundled for the 1 without districts answers:"
                + " 756 districts in 37 states), the sweeps together asked for 1 of the 756 districts"), readme);
    }
}
