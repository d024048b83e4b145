package org.vaxslots.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaxslots.normalize.NormalizeJob;
import org.vaxslots.normalize.NormalizeOptions;
import org.vaxslots.raw.ImportJob;
import org.vaxslots.store.DataRoot;
import org.vaxslots.testing.Duck;
import org.vaxslots.testing.Samples;

/**
 * The report over what `vaxslots demo` imports: the real 2021-2022 responses of every era (pin-code
 * responses, findBy rows, districts without a request id), one sweep. The checks must pass and
 * the main CSV must hold one row per session date, district and age group of the sessions table.
 */
class ReportJobSamplesTest {
    static final Instant AS_OF = Instant.parse("2021-06-01T06:30:00Z");

    @TempDir
    Path dir;

    @Test
    void report_realSamples_checksPassAndOneRowPerDistrictDayAgeGroup() throws Exception {
        DataRoot root = new DataRoot(dir.resolve("data"));
        Path samples = Samples.writeTo(dir.resolve("samples"), Samples.availabilityNames());
        ImportJob.run(root, new ImportJob.Request("samples", AS_OF, null, Map.of(), List.of(samples)), AS_OF, w -> { });
        NormalizeJob.run(PipelineOptionsFactory.fromArgs("--dataRoot=" + root.root()).as(NormalizeOptions.class));

        ReportJob.Result r = ReportJob.run(root, new ReportJob.Request(null, null, "demo", null));

        long expected = Duck.count("SELECT count(*) FROM (SELECT DISTINCT session_date, district_id, age_group FROM "
                + Duck.table(root.root(), "sessions") + " WHERE district_id IS NOT NULL)");
        assertEquals(expected, r.csvRows().get("district_daily_coverage.csv"));
        assertTrue(expected > 50, "the samples span many districts and days: " + expected);
        assertEquals(List.of("samples"), r.sweeps());
        assertTrue(Files.size(r.pack().resolve(Charts.PER_100K)) > 0);
    }
}
