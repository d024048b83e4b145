package org.vaxslots.report;

import org.vaxslots.sql.Checks;
import org.vaxslots.sql.SqlLayers;
import org.vaxslots.testing.SweepHistory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaxslots.store.DataRoot;
import org.vaxslots.testing.DemoRoot;
import org.vaxslots.testing.Trees;

/**
 * The report over the hand-built history of {@link SweepHistory} (read its javadoc table first):
 * every metric against a value worked out by hand, the whole pack against committed golden files,
 * determinism, formula neutralisation, and the checks on good and corrupted tables.
 */
class ReportJobTest {
    static final Path GOLDEN = Path.of("src/test/resources/ReportJobTest/expected");
    static final LocalDate DAY = LocalDate.parse("2021-05-16");
    static final String ROHTAK_18 = "192|18-44";
    static final String ROHTAK_45 = "192|45+";
    static final String JAIPUR_I = "505|45+";
    static final String JAIPUR_II = "506|45+";
    static final String GURGAON = "188|45+";
    static final String FARIDABAD_18 = "199|18-44";
    static final String FARIDABAD_45 = "199|45+";
    static final long POP_ROHTAK = 1058683;
    static final long POP_GURUGRAM = 1514085;
    static final long POP_JAIPUR = 6663971;
    static final long POP_FARIDABAD = 1798954;

    @TempDir
    static Path dir;
    static DataRoot root;
    static ReportJob.Result result;
    static Map<String, Map<String, String>> district;
    static Map<String, Map<String, String>> state;

    @BeforeAll
    static void buildAndReport() throws Exception {
        root = new DataRoot(dir.resolve("data"));
        DemoRoot.copyTree(SweepHistory.shared().root(), root.root());
        result = ReportJob.run(root, new ReportJob.Request(DAY, DAY, null, null));
        district = rowsBy(result.pack().resolve("district_daily_coverage.csv"), "district_id", "age_group");
        state = rowsBy(result.pack().resolve("state_daily_coverage.csv"), "state_name", "age_group");
    }

    static List<CSVRecord> read(Path csv) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(Files.readString(csv, StandardCharsets.UTF_8))).getRecords();
    }

    static Map<String, Map<String, String>> rowsBy(Path csv, String... key) throws IOException {
        Map<String, Map<String, String>> out = new TreeMap<>();
        for (CSVRecord r : read(csv)) {
            List<String> k = new ArrayList<>();
            for (String c : key) {
                k.add(r.get(c));
            }
            assertEquals(null, out.put(String.join("|", k), r.toMap()), "duplicate key " + k);
        }
        return out;
    }

    static String per100k(long capacity, long population) {
        return new java.math.BigDecimal(capacity * 100_000.0 / population).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    @Test
    void report_defaultRequest_publishesPackUnderReportsRelease() throws IOException {
        assertEquals(root.reports().resolve("2021-05-16"), result.pack());
        assertEquals("2021-05-16", result.release());
        assertEquals(List.of("s1", "s2", "s3", "s4", "s5"), result.sweeps());
        assertEquals(List.of("README.md", "chart_crawl_coverage.png", "chart_open_capacity_per_100k_by_district.png",
                "chart_open_slots_by_hour.png", "crawl_coverage.csv", "datapackage.json", "dictionary.csv", "district_daily_coverage.csv",
                "hourly_availability.csv", "index.html", "manifest.json", "rejects_summary.csv", "schema_changes.csv", "slot_release_hours.csv",
                "state_daily_coverage.csv"), ReportJob.files(result.pack()));
        try (var tmp = Files.list(root.tmp())) {
            assertEquals(List.of(), tmp.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("report-") || n.startsWith("notebooks-sql-")).toList(),
                    "the report leaves nothing in tmp/");
        }
    }

    @Test
    void districtDaily_exactColumns_inTheIssuesOrder() throws IOException {
        String header = Files.readAllLines(result.pack().resolve("district_daily_coverage.csv")).get(0);
        assertEquals("session_date,state_name,district_name,district_id,age_group,centers_listed,"
                + "centers_with_open_slots,sessions_listed,peak_open_capacity,capacity_released_est,"
                + "capacity_booked_est,open_share_pct,booked_out_share_pct,time_to_book_min_lower_median,"
                + "time_to_book_min_upper_median,open_capacity_per_100k,per_100k_missing_reason,dose1_capacity_share_pct,"
                + "free_capacity_share_pct,sweeps_with_data,sweeps_without_data", header);
        assertEquals(List.of("188|18-44", GURGAON, ROHTAK_18, ROHTAK_45, FARIDABAD_18, FARIDABAD_45, "505|18-44", JAIPUR_I,
                "506|18-44", JAIPUR_II), new ArrayList<>(district.keySet()));
    }

    @Test
    void districtDaily_districtThatAnsweredEmpty_hasARowOfZerosForEachStandardAgeGroup() {
        // Faridabad answered {"centers":[]} in all 5 sweeps: read, and no slots. In May 2021 the
        // rule table makes 18-44 and 45+ standard, so both rows are there.
        for (String key : List.of(FARIDABAD_18, FARIDABAD_45)) {
            Map<String, String> r = district.get(key);
            assertEquals(List.of("Haryana", "Faridabad", "0", "0", "0", "0", "0", "0", "0.0", "", "", ""),
                    List.of(r.get("state_name"), r.get("district_name"), r.get("centers_listed"), r.get("centers_with_open_slots"),
                            r.get("sessions_listed"), r.get("peak_open_capacity"), r.get("capacity_released_est"),
                            r.get("capacity_booked_est"), r.get("open_share_pct"), r.get("booked_out_share_pct"),
                            r.get("time_to_book_min_lower_median"), r.get("time_to_book_min_upper_median")), key);
            assertEquals(List.of("0.00", "", "", ""), List.of(r.get("open_capacity_per_100k"), r.get("per_100k_missing_reason"),
                    r.get("dose1_capacity_share_pct"), r.get("free_capacity_share_pct")), key + ": the whole census district had nothing");
            assertEquals(List.of("5", "0"), List.of(r.get("sweeps_with_data"), r.get("sweeps_without_data")), key);
        }
    }

    @Test
    void districtDaily_unitReadButEmptyForAnAgeGroup_sharesItsCensusDistrictsFigure() {
        // Jaipur I and II listed 45+ only; both were read, so their 18-44 rows are zeros and RJ_Jaipur's 18-44 figure is 0.
        Map<String, String> jaipurI = district.get("505|18-44");
        assertEquals(List.of("0", "0.0", "0.00", "5", "0"), List.of(jaipurI.get("sessions_listed"), jaipurI.get("open_share_pct"),
                jaipurI.get("open_capacity_per_100k"), jaipurI.get("sweeps_with_data"), jaipurI.get("sweeps_without_data")));
        Map<String, String> jaipurII = district.get("506|18-44");
        assertEquals(List.of("0", "0.0", "0.00", "4", "1"), List.of(jaipurII.get("sessions_listed"), jaipurII.get("open_share_pct"),
                jaipurII.get("open_capacity_per_100k"), jaipurII.get("sweeps_with_data"), jaipurII.get("sweeps_without_data")));
        Map<String, String> rajasthan = state.get("Rajasthan|18-44");
        assertEquals(List.of("0", "0", "0", Long.toString(POP_JAIPUR), "0.00", "", "9", "1"), List.of(rajasthan.get("districts_listed"),
                rajasthan.get("sessions_listed"), rajasthan.get("peak_open_capacity"), rajasthan.get("population_covered"),
                rajasthan.get("open_capacity_per_100k"), rajasthan.get("per_100k_missing_reason"),
                rajasthan.get("district_sweeps_with_data"), rajasthan.get("district_sweeps_without_data")));
    }

    @Test
    void districtDaily_sessionReleasedThenBookedOut_timeToBookIsAnInterval() {
        Map<String, String> r = district.get(ROHTAK_18);
        // S1: 0 (10:00) → 10 (10:15) → throttled (10:30) → 4 (10:45) → 0 (11:00). S2 never reaches zero.
        assertEquals("30.0", r.get("time_to_book_min_lower_median"), "10:45 last open - 10:15 first open");
        assertEquals("60.0", r.get("time_to_book_min_upper_median"), "11:00 first zero - 10:00 sweep before first open");
        assertEquals("50.0", r.get("booked_out_share_pct"), "S1 of S1, S2 was seen at zero before its day");
    }

    @Test
    void districtDaily_capacityRisingAndFalling_releasedAndBookedEstimates() {
        Map<String, String> r = district.get(ROHTAK_18);
        assertEquals("18", r.get("peak_open_capacity"), "S1 10 + S2 8");
        assertEquals("21", r.get("capacity_released_est"), "S1 0 + 10; S2 5 + (8-5) + (6-3)");
        assertEquals("15", r.get("capacity_booked_est"), "S1 (10-4) + (4-0); S2 (8-3)");
        assertEquals("2", r.get("sessions_listed"));
        assertEquals("2", r.get("centers_listed"));
        assertEquals("2", r.get("centers_with_open_slots"));
        assertEquals("55.6", r.get("free_capacity_share_pct"), "Free S1 10 of 18");
        assertEquals(per100k(18, POP_ROHTAK), r.get("open_capacity_per_100k"));
        assertEquals("1.70", r.get("open_capacity_per_100k"));
    }

    @Test
    void districtDaily_throttledSweep_countsAsNoDataNeverAsNoSlots() throws IOException {
        Map<String, String> rohtak = district.get(ROHTAK_18);
        assertEquals("4", rohtak.get("sweeps_with_data"));
        assertEquals("1", rohtak.get("sweeps_without_data"), "sweep 3 was throttled (HTTP 403)");
        assertEquals("100.0", rohtak.get("open_share_pct"), "4 of 4 sweeps with data were open; not 4 of 5 = 80.0");
        Map<String, String> jaipurII = district.get(JAIPUR_II);
        assertEquals("4", jaipurII.get("sweeps_with_data"));
        assertEquals("1", jaipurII.get("sweeps_without_data"), "sweep 3 got a CloudFront HTML page: invalid_body");
        assertEquals("100.0", jaipurII.get("open_share_pct"));
        Map<String, Map<String, String>> crawl = rowsBy(result.pack().resolve("crawl_coverage.csv"), "sweep_id");
        Map<String, String> s3 = crawl.get("s3");
        assertEquals(List.of("5", "2", "1", "1", "1", "60.0"), List.of(s3.get("districts_attempted"), s3.get("districts_ok"),
                s3.get("districts_empty"), s3.get("districts_throttled"), s3.get("districts_failed"), s3.get("crawl_coverage_pct")));
        Map<String, String> s1 = crawl.get("s1");
        assertEquals(List.of("5", "4", "1", "0", "0", "100.0"), List.of(s1.get("districts_attempted"), s1.get("districts_ok"),
                s1.get("districts_empty"), s1.get("districts_throttled"), s1.get("districts_failed"), s1.get("crawl_coverage_pct")));
        assertEquals(List.of("cowin_districts_2021-05-14", "756", "751"), List.of(s1.get("district_list"), s1.get("districts_listed"),
                s1.get("districts_not_attempted")), "5 of the 756 districts of Co-WIN's list of 14 May 2021 asked for");
    }

    @Test
    void districtDaily_doseSplitDay_shareOnlyOverSessionsThatSentTheSplit() throws IOException {
        // S1 largest dose 1 = 8, dose 2 = 2; S2 largest dose 1 = 8, dose 2 = 0: 16 / 18.
        assertEquals("88.9", district.get(ROHTAK_18).get("dose1_capacity_share_pct"));
        assertEquals("", district.get(ROHTAK_45).get("dose1_capacity_share_pct"), "S4 was only seen before the split");
        List<CSVRecord> changes = read(result.pack().resolve("schema_changes.csv"));
        assertEquals(2, changes.size());
        assertEquals(List.of("2021-05-15T04:30:00Z", "s1", "centers[].sessions[].available_capacity_dose1", "missing_field", "1", "6"),
                List.of(changes.get(0).get("first_seen_at"), changes.get(0).get("first_seen_sweep_id"), changes.get(0).get("path"),
                        changes.get(0).get("event"), changes.get(0).get("sweeps_seen"), changes.get(0).get("occurrences")));
    }

    @Test
    void districtDaily_manyToOneCrosswalk_populationCountedOnce() {
        String shared = per100k(20 + 30, POP_JAIPUR);
        assertEquals("0.75", shared);
        assertEquals(shared, district.get(JAIPUR_I).get("open_capacity_per_100k"), "Jaipur I and II together over RJ_Jaipur");
        assertEquals(shared, district.get(JAIPUR_II).get("open_capacity_per_100k"));
        Map<String, String> rajasthan = state.get("Rajasthan|45+");
        assertEquals(Long.toString(POP_JAIPUR), rajasthan.get("population_covered"), "not 2 x " + POP_JAIPUR);
        assertEquals(shared, rajasthan.get("open_capacity_per_100k"));
        assertEquals("50", rajasthan.get("peak_open_capacity"));
        assertEquals("2", rajasthan.get("districts_listed"));
        assertEquals("9", rajasthan.get("district_sweeps_with_data"));
        assertEquals("1", rajasthan.get("district_sweeps_without_data"));
    }

    @Test
    void districtDaily_sessionSeenOnlyOnce_releasedIsItsCapacityAndNoTimeToBook() {
        Map<String, String> r = district.get(ROHTAK_45);
        assertEquals(List.of("1", "1", "1", "7", "7", "0"), List.of(r.get("centers_listed"), r.get("centers_with_open_slots"),
                r.get("sessions_listed"), r.get("peak_open_capacity"), r.get("capacity_released_est"), r.get("capacity_booked_est")));
        assertEquals("25.0", r.get("open_share_pct"), "open in sweep 1 only, of 4 sweeps with data");
        assertEquals("0.0", r.get("booked_out_share_pct"));
        assertEquals("", r.get("time_to_book_min_lower_median"));
        assertEquals("", r.get("time_to_book_min_upper_median"));
        assertEquals(per100k(7, POP_ROHTAK), r.get("open_capacity_per_100k"));
    }

    @Test
    void stateDaily_threeDistricts_openSharePopulationWeighted() {
        Map<String, String> haryana = state.get("Haryana|45+");
        // Rohtak 45+ open 25.0, Gurgaon 45+ open 100.0, Faridabad read with no slots: open 0.0.
        double weighted = (25.0 * POP_ROHTAK + 100.0 * POP_GURUGRAM + 0.0 * POP_FARIDABAD) / (POP_ROHTAK + POP_GURUGRAM + POP_FARIDABAD);
        assertEquals(String.format(java.util.Locale.ROOT, "%.1f", weighted), haryana.get("open_share_pct_population_weighted"));
        assertEquals("40.7", haryana.get("open_share_pct_population_weighted"));
        assertEquals(Long.toString(POP_ROHTAK + POP_GURUGRAM + POP_FARIDABAD), haryana.get("population_covered"));
        assertEquals(per100k(7 + 12, POP_ROHTAK + POP_GURUGRAM + POP_FARIDABAD), haryana.get("open_capacity_per_100k"));
        assertEquals("2", haryana.get("districts_listed"), "Faridabad listed nothing: in the sums as zeros, not listed");
    }

    @Test
    void hourlyAvailability_severalSweepsInAnHour_latestSweepWithData() throws IOException {
        Map<String, Map<String, String>> hourly = rowsBy(result.pack().resolve("hourly_availability.csv"),
                "as_of_hour_ist", "district_id", "age_group");
        assertEquals(20, hourly.size(), "hours 10 and 11 IST x 5 districts x 18-44 and 45+");
        assertEquals(List.of("s5", "0", "0", "0"), List.of(hourly.get("11|199|45+").get("sweep_id"), hourly.get("11|199|45+").get("open_capacity"),
                hourly.get("11|199|45+").get("centers_with_open_slots"), hourly.get("11|199|45+").get("sessions_open")),
                "Faridabad, read with no slots, is a row of zeros");
        Map<String, String> h10 = hourly.get("10|192|18-44");
        assertEquals(List.of("s4", "7", "2", "2"), List.of(h10.get("sweep_id"), h10.get("open_capacity"),
                h10.get("centers_with_open_slots"), h10.get("sessions_open")), "10:45 IST: S1 4 + S2 3");
        Map<String, String> h11 = hourly.get("11|192|18-44");
        assertEquals(List.of("s5", "6", "1", "1"), List.of(h11.get("sweep_id"), h11.get("open_capacity"),
                h11.get("centers_with_open_slots"), h11.get("sessions_open")), "11:00 IST: S1 0 + S2 6");
        assertEquals("0", hourly.get("10|192|45+").get("open_capacity"), "S4 no longer listed: data, and zero open");
    }

    @Test
    void slotReleaseHours_increasesOnly_notCapacityOpenAtFirstSweep() throws IOException {
        List<CSVRecord> rows = read(result.pack().resolve("slot_release_hours.csv"));
        assertEquals(2, rows.size());
        // 10:15: S1 0 → 10 and S2 5 → 8; 11:00: S2 3 → 6.
        assertEquals(List.of("10", "192", "18-44", "13", "2", "2"), List.of(rows.get(0).get("release_hour_ist"),
                rows.get(0).get("district_id"), rows.get(0).get("age_group"), rows.get(0).get("capacity_released"),
                rows.get(0).get("release_events"), rows.get(0).get("sessions_with_release")));
        assertEquals(List.of("11", "192", "18-44", "3", "1", "1"), List.of(rows.get(1).get("release_hour_ist"),
                rows.get(1).get("district_id"), rows.get(1).get("age_group"), rows.get(1).get("capacity_released"),
                rows.get(1).get("release_events"), rows.get(1).get("sessions_with_release")));
    }

    @Test
    void pack_sameTables_goldenBytesForEveryCsvDictionaryAndReadme() throws IOException {
        List<String> compared = List.of("crawl_coverage.csv", "dictionary.csv", "district_daily_coverage.csv",
                "hourly_availability.csv", "rejects_summary.csv", "schema_changes.csv", "slot_release_hours.csv", "state_daily_coverage.csv", "README.md");
        if (Boolean.getBoolean("vaxslots.updateGolden")) {
            Files.createDirectories(GOLDEN);
            for (String f : compared) {
                Files.copy(result.pack().resolve(f), GOLDEN.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        for (String f : compared) {
            assertEquals(Files.readString(GOLDEN.resolve(f)), Files.readString(result.pack().resolve(f)), f);
        }
    }

    @Test
    void pack_runTwice_identicalBytesButManifestTime() throws Exception {
        ReportJob.Result second = ReportJob.run(root, new ReportJob.Request(DAY, DAY, "again", dir.resolve("second")));
        Map<String, String> a = Trees.digests(result.pack());
        Map<String, String> b = Trees.digests(second.pack());
        a.remove("manifest.json");
        b.remove("manifest.json");
        assertEquals(15 - 1, a.size());
        for (String named : List.of("README.md", "datapackage.json", "index.html")) { // all three name the release
            a.remove(named);
            b.remove(named);
        }
        assertEquals(a, b, "CSVs, dictionary and charts");
    }

    @Test
    void manifest_listsRawFilesAndEveryPackFile_withTheirSha256() throws IOException {
        JsonNode m = new ObjectMapper().readTree(result.pack().resolve("manifest.json").toFile());
        Map<String, String> pack = Trees.digests(result.pack());
        pack.remove("manifest.json");
        Map<String, String> listed = new TreeMap<>();
        for (JsonNode f : m.get("files")) {
            listed.put(f.get("path").asText(), f.get("sha256").asText());
        }
        assertEquals(pack, listed);
        Map<String, String> raw = new TreeMap<>();
        // Every raw WARC file; an import's lock file of its sweep directory (empty, not a capture) is not one.
        Trees.digests(root.raw()).forEach((k, v) -> {
            if (!k.endsWith("/.lock")) {
                raw.put("raw/" + k, v);
            }
        });
        Map<String, String> rawListed = new TreeMap<>();
        for (JsonNode s : m.get("input_sweeps")) {
            for (JsonNode f : s.get("raw_files")) {
                rawListed.put(f.get("path").asText(), f.get("sha256").asText());
            }
        }
        assertEquals(raw, rawListed);
        for (JsonNode f : m.get("files")) {
            if (f.get("path").asText().equals("district_daily_coverage.csv")) {
                assertEquals(10, f.get("rows").asLong(), "5 districts x the 2 standard age groups of May 2021");
            }
        }
        assertEquals(10, m.get("checks_passed").size());
        assertTrue(m.get("generated_at").asText().endsWith("Z"));
    }

    @Test
    void pack_formulaInSourceNames_inertInEveryCsv() throws IOException {
        int formulaCells = 0;
        for (String name : ReportJob.files(result.pack())) {
            if (!name.endsWith(".csv")) {
                continue;
            }
            for (CSVRecord r : CSVFormat.DEFAULT.parse(new StringReader(Files.readString(result.pack().resolve(name)))).getRecords()) {
                for (String cell : r) {
                    assertFalse(cell.matches("(?s)[=+@\\t\\r].*") || (cell.startsWith("-") && !cell.matches("-\\d+(\\.\\d+)?")),
                            name + " has a live formula cell: " + cell);
                    formulaCells += cell.startsWith("'=HYPERLINK(") ? 1 : 0;
                }
            }
        }
        assertEquals(2 + 4, formulaCells, "Gurgaon's name: two district_daily rows (45+ listed, 18-44 read and empty), four hourly rows");
    }

    @Test
    void chartDay_noRange_theSessionDateWithTheMostDistrictsRead() throws Exception {
        // Every sweep asked for 15 May: all 5 districts are read on each day of 15-21 May; only the
        // 16th listed sessions, so the tie goes to it, not to the last (sparsest) day.
        try (SqlLayers layers = SqlLayers.build(root, null, null)) {
            assertEquals(new PerCapitaChart.Day("2021-05-16", 5, false), PerCapitaChart.choose(layers.connection(), null));
            assertEquals(new PerCapitaChart.Day("2021-05-19", 5, true), PerCapitaChart.choose(layers.connection(), LocalDate.parse("2021-05-19")));
        }
        String readme = Files.readString(result.pack().resolve("README.md"));
        assertTrue(readme.contains("| `chart_open_capacity_per_100k_by_district.png` | | Open slots per 100,000 residents by district on"
                + " 2021-05-16, the day with the most districts read (5); `report --chart-date` draws another. |"), readme);
    }

    @Test
    void report_chartDateOutsideTheRange_isRefusedNamingBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReportJob.run(root,
                new ReportJob.Request(DAY, DAY, "outside", dir.resolve("outside"), LocalDate.parse("2021-05-20"))));
        assertEquals("--chart-date 2021-05-20 is outside the report range --from 2021-05-16 --to 2021-05-16: choose a date inside it",
                e.getMessage());
    }

    @Test
    void rejects_htmlPageInsteadOfJson_countedPerSweepAndInAllInCsvReadmeAndManifest() throws IOException {
        // Sweep 3 got a CloudFront HTML page for Jaipur II: one whole response rejected, nothing else.
        assertEquals(List.of("sweep_id,reason_code,responses,records", "s3,html_body,1,0"),
                Files.readAllLines(result.pack().resolve("rejects_summary.csv")));
        String readme = Files.readString(result.pack().resolve("README.md"));
        assertTrue(readme.contains("in all, 1 response and 0 records (`html_body`: 1 response, 0 records)"), readme);
        assertTrue(readme.contains("| sweep | responses | records | by reason (responses / records) |\n|---|---|---|---|\n"
                + "| `s3` | 1 | 0 | `html_body` 1 / 0 |\n\nSweeps not in this table had no reject."), readme);
        JsonNode rejects = new ObjectMapper().readTree(result.pack().resolve("manifest.json").toFile()).get("rejects");
        assertEquals("{\"responses\":1,\"records\":0,\"by_reason\":{\"html_body\":{\"responses\":1,\"records\":0}},"
                + "\"by_sweep\":[{\"sweep_id\":\"s3\",\"responses\":1,\"records\":0,\"by_reason\":{\"html_body\":"
                + "{\"responses\":1,\"records\":0}}}]}", rejects.toString());
    }

    @Test
    void checks_goodTables_allPass() throws Exception {
        try (SqlLayers layers = SqlLayers.build(root, DAY, DAY)) {
            assertEquals(List.of(), Checks.run(layers));
        }
    }

    @Test
    void checks_noSlotsRowDroppedAndReasonBesideAFigure_bothCaught() throws Exception {
        try (SqlLayers layers = SqlLayers.build(root, DAY, DAY); java.sql.Statement st = layers.connection().createStatement()) {
            st.execute("DELETE FROM district_age_group_daily WHERE district_id = 199 AND age_group = '45+'");
            st.execute("UPDATE district_age_group_daily SET per_100k_missing_reason = 'no_population' WHERE district_id = 192");
            // Dropping Faridabad's row also takes its population out of the district rows behind Haryana's state figure.
            assertEquals(List.of("checks/check_population_counted_once.sql", "checks/check_read_districts_have_rows.sql",
                    "checks/check_per_100k_reason_when_empty.sql"), Checks.run(layers).stream().map(Checks.Failure::check).toList());
        }
    }

    @Test
    void report_corruptedTables_failsNamingTheCheckAndPublishesNothing() throws Exception {
        DataRoot bad = new DataRoot(dir.resolve("corrupt"));
        DemoRoot.copyTree(SweepHistory.shared().root(), bad.root());
        SweepHistory.corrupt(bad);
        Checks.FailedException e = assertThrows(Checks.FailedException.class,
                () -> ReportJob.run(bad, new ReportJob.Request(DAY, DAY, null, null)));
        assertEquals(List.of("checks/check_capacities_non_negative.sql"),
                e.failures().stream().map(Checks.Failure::check).toList());
        assertFalse(Files.exists(bad.reports()));
    }
}
