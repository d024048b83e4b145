package org.vaxslots.report;

import org.vaxslots.testing.SweepHistory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * The pack says what it could not read and what it rounded. One sweep of three districts: Rohtak's
 * answer holds a session sent with 62.5 open slots (kept, floored to 62) and one without
 * available_capacity (a record reject); Jaipur I's answer is cut off (a response reject).
 */
class PackRejectsAndRoundingTest {
    static final String CUT_OFF = "{\"centers\":[{\"center_id\":2001,\"name\":\"PHC Am";

    @TempDir
    Path dir;

    @Test
    void pack_rejectsAndAFractionalCapacity_countedInCsvReadmeAndManifest() throws Exception {
        DataRoot root = new DataRoot(dir.resolve("data"));
        Path in = Files.createDirectories(dir.resolve("in"));
        String fractional = SweepHistory.session(1, 0, 45, null, null).replace("\"available_capacity\":0", "\"available_capacity\":62.5");
        String noCapacity = SweepHistory.session(2, 0, 45, null, null).replace("\"available_capacity\":0,", "");
        SweepHistory.write(in, 192, "Rohtak", 1, SweepHistory.body(
                SweepHistory.center(1001, "PHC Kiloi", "Haryana", "Rohtak", "Free", fractional),
                SweepHistory.center(1002, "CHC Sampla", "Haryana", "Rohtak", "Free", noCapacity)));
        SweepHistory.write(in, 505, "JaipurI", 1, CUT_OFF);
        ImportJob.run(root, new ImportJob.Request(SweepHistory.sweepId(1), SweepHistory.asOf(1), null, Map.of(), List.of(in)),
                SweepHistory.asOf(1), w -> { });
        NormalizeJob.run(PipelineOptionsFactory.fromArgs("--dataRoot=" + root.root()).as(NormalizeOptions.class));

        ReportJob.Result result = ReportJob.run(root, new ReportJob.Request(ReportJobTest.DAY, ReportJobTest.DAY, null, null));

        assertEquals(List.of("sweep_id,reason_code,responses,records", "s1,missing_field,0,1", "s1,not_json,1,0"),
                Files.readAllLines(result.pack().resolve("rejects_summary.csv")));
        String readme = Files.readString(result.pack().resolve("README.md"));
        assertTrue(readme.contains("in all, 1 response and 1 record (`missing_field`: 0 responses, 1 record; `not_json`:"
                + " 1 response, 0 records)"), readme);
        assertTrue(readme.contains("| `s1` | 1 | 1 | `missing_field` 0 / 1, `not_json` 1 / 0 |"), readme);
        assertTrue(readme.contains("a session sent with less than 1 counts as not open. In this pack: 1 session observations"
                + " (1 sessions)."), readme);
        JsonNode manifest = new ObjectMapper().readTree(result.pack().resolve("manifest.json").toFile());
        assertEquals("{\"responses\":1,\"records\":1}", new ObjectMapper().createObjectNode()
                .put("responses", manifest.get("rejects").get("responses").asLong())
                .put("records", manifest.get("rejects").get("records").asLong()).toString());
        assertEquals("{\"session_observations\":1,\"sessions\":1}", manifest.get("capacity_rounded").toString());
        Map<String, String> rohtak = ReportJobTest.rowsBy(result.pack().resolve("district_daily_coverage.csv"), "district_id", "age_group")
                .get("192|45+");
        assertEquals("62", rohtak.get("peak_open_capacity"), "62.5 floored: half a slot cannot be booked");
    }
}
