package org.vaxslots.report;

import org.vaxslots.testing.SweepHistory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaxslots.normalize.NormalizeJob;
import org.vaxslots.normalize.NormalizeOptions;
import org.vaxslots.ingest.ImportJob;
import org.vaxslots.store.DataRoot;

/**
 * A census district whose Co-WIN units were not all captured: Jaipur I was, Jaipur II (the same
 * census district, RJ_Jaipur) was not swept at all. Jaipur I's capacity over all of Jaipur's
 * population would understate it, so the per-capita figure is left empty, at district and state
 * level, while Rohtak, a census district of one unit, keeps its own. The capture is partial (2 of
 * Co-WIN's 756 districts), and the pack says so.
 */
class PartialCensusDistrictTest {
    @TempDir
    Path dir;

    @Test
    void censusDistrictWithAUnitWithoutData_hasNoPerCapitaFigureAndThePackStatesItsShareOfTheList() throws Exception {
        DataRoot root = new DataRoot(dir.resolve("data"));
        Path in = Files.createDirectories(dir.resolve("in"));
        SweepHistory.write(in, 505, "JaipurI", 1, SweepHistory.body(SweepHistory.center(2001, "PHC Amer", "Rajasthan",
                "Jaipur I", "Free", SweepHistory.session(5, 20, 45, 20, 0))));
        SweepHistory.write(in, 192, "Rohtak", 1, SweepHistory.body(SweepHistory.center(1001, "PHC Kiloi", "Haryana",
                "Rohtak", "Free", SweepHistory.session(1, 18, 45, 18, 0))));
        ImportJob.run(root, new ImportJob.Request(SweepHistory.sweepId(1), SweepHistory.asOf(1), null, Map.of(), List.of(in)),
                SweepHistory.asOf(1), w -> { });
        NormalizeJob.run(PipelineOptionsFactory.fromArgs("--dataRoot=" + root.root()).as(NormalizeOptions.class));

        ReportJob.Result result = ReportJob.run(root, new ReportJob.Request(ReportJobTest.DAY, ReportJobTest.DAY, null, null));

        Map<String, Map<String, String>> district = ReportJobTest.rowsBy(result.pack().resolve("district_daily_coverage.csv"),
                "district_id", "age_group");
        Map<String, Map<String, String>> state = ReportJobTest.rowsBy(result.pack().resolve("state_daily_coverage.csv"),
                "state_name", "age_group");
        assertEquals("20", district.get(ReportJobTest.JAIPUR_I).get("peak_open_capacity"), "what was seen is still counted");
        assertEquals("", district.get(ReportJobTest.JAIPUR_I).get("open_capacity_per_100k"),
                "Jaipur II has no data: RJ_Jaipur's capacity is unknown, not Jaipur I's alone");
        assertEquals("unit_without_data", district.get(ReportJobTest.JAIPUR_I).get("per_100k_missing_reason"));
        assertEquals("unit_without_data", district.get("505|18-44").get("per_100k_missing_reason"),
                "read and empty for 18-44, but Jaipur II's 18-44 is unknown too");
        assertEquals("", state.get("Rajasthan|45+").get("open_capacity_per_100k"));
        assertEquals("unit_without_data", state.get("Rajasthan|45+").get("per_100k_missing_reason"));
        assertEquals("", district.get("192|45+").get("per_100k_missing_reason"));
        assertEquals("", state.get("Rajasthan|45+").get("population_covered"));
        assertEquals(ReportJobTest.per100k(18, ReportJobTest.POP_ROHTAK), district.get("192|45+").get("open_capacity_per_100k"));
        assertEquals(ReportJobTest.per100k(18, ReportJobTest.POP_ROHTAK), state.get("Haryana|45+").get("open_capacity_per_100k"));
        assertEquals(Long.toString(ReportJobTest.POP_ROHTAK), state.get("Haryana|45+").get("population_covered"));
        String readme = Files.readString(result.pack().resolve("README.md"));
        assertTrue(readme.contains("Against the district list of the day (Co-WIN's district list of 14 May 2021, bundled: 756"
                + " districts in 37 states), the sweeps together asked for 2 of the 756 districts, in 2 of the 37 states, and never"
                + " for 754; each sweep asked for 2 (`districts_listed` and `districts_not_attempted` in `crawl_coverage.csv`)."
                + " This is a partial capture of the country"), readme);
        Map<String, String> crawl = ReportJobTest.rowsBy(result.pack().resolve("crawl_coverage.csv"), "sweep_id").get("s1");
        assertEquals(List.of("2", "756", "754"), List.of(crawl.get("districts_attempted"), crawl.get("districts_listed"),
                crawl.get("districts_not_attempted")));
    }
}
