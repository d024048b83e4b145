package org.vaxslots.report;

import org.vaxslots.testing.SweepHistory;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * A district created after 2011 through the whole report: Agar Malwa (Co-WIN "Agar", 320) was
 * carved out of Shajapur (321) in 2013, and the population table has no figure for it, while
 * Shajapur's 2011 figure still holds its residents. Both are one census district group: their
 * capacity together over Shajapur's population, the same figure on both rows, and the state
 * counts Shajapur's population once.
 */
class CensusDistrictGroupTest {
    static final long POP_SHAJAPUR_2011 = 1512353;
    static final int CAPACITY_AGAR = 30;
    static final int CAPACITY_SHAJAPUR = 20;

    @TempDir
    Path dir;

    @Test
    void districtCarvedOutAfter2011_sharesItsParentsPerCapitaFigure() throws Exception {
        DataRoot root = new DataRoot(dir.resolve("data"));
        Path in = Files.createDirectories(dir.resolve("in"));
        SweepHistory.write(in, 320, "Agar", 1, SweepHistory.body(SweepHistory.center(3001, "CHC Susner", "Madhya Pradesh",
                "Agar", "Free", SweepHistory.session(7, CAPACITY_AGAR, 45, CAPACITY_AGAR, 0))));
        SweepHistory.write(in, 321, "Shajapur", 1, SweepHistory.body(SweepHistory.center(3002, "CHC Shujalpur", "Madhya Pradesh",
                "Shajapur", "Free", SweepHistory.session(8, CAPACITY_SHAJAPUR, 45, CAPACITY_SHAJAPUR, 0))));
        ImportJob.run(root, new ImportJob.Request(SweepHistory.sweepId(1), SweepHistory.asOf(1), null, Map.of(), List.of(in)),
                SweepHistory.asOf(1), w -> { });
        NormalizeJob.run(PipelineOptionsFactory.fromArgs("--dataRoot=" + root.root()).as(NormalizeOptions.class));

        ReportJob.Result result = ReportJob.run(root, new ReportJob.Request(ReportJobTest.DAY, ReportJobTest.DAY, null, null));

        Map<String, Map<String, String>> district = ReportJobTest.rowsBy(result.pack().resolve("district_daily_coverage.csv"),
                "district_id", "age_group");
        Map<String, Map<String, String>> state = ReportJobTest.rowsBy(result.pack().resolve("state_daily_coverage.csv"),
                "state_name", "age_group");
        String group = ReportJobTest.per100k(CAPACITY_AGAR + CAPACITY_SHAJAPUR, POP_SHAJAPUR_2011);
        assertEquals(group, district.get("320|45+").get("open_capacity_per_100k"), "Agar Malwa: the group's figure");
        assertEquals(group, district.get("321|45+").get("open_capacity_per_100k"), "Shajapur: the same figure, not 20 over all of 2011 Shajapur");
        assertEquals(group, state.get("Madhya Pradesh|45+").get("open_capacity_per_100k"));
        assertEquals(Long.toString(POP_SHAJAPUR_2011), state.get("Madhya Pradesh|45+").get("population_covered"));
    }
}
