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
import org.vaxslots.ingest.ImportJob;
import org.vaxslots.store.DataRoot;
import org.vaxslots.testing.Duck;
import org.vaxslots.testing.Samples;

/**
 * The report over what `vaxslots demo` imports: the real 2021-2022 responses of every era (pin-code
 * responses, findBy rows, districts without a request id), one sweep. The checks must pass and
 * the main CSV must hold one row per session date, district and age group of the sessions table,
 * plus one per standard age group for every session date a district fetch that read its district
 * (ok or empty) covered (its request date and the 6 days after for calendarByDistrict, the day for
 * findByDistrict; without a request date, from the India day of its as_of). The standard groups are restated here from data-schema/age_groups.csv.
 */
class ReportJobSamplesTest {
    static final Instant AS_OF = Instant.parse("2021-06-01T06:30:00Z");

    @TempDir
    Path dir;

    @Test
    void report_realSamples_checksPassAndOneRowPerDistrictDayAgeGroupListedOrStandard() throws Exception {
        DataRoot root = new DataRoot(dir.resolve("data"));
        Path samples = Samples.writeTo(dir.resolve("samples"), Samples.availabilityNames());
        ImportJob.run(root, new ImportJob.Request("samples", AS_OF, null, Map.of(), List.of(samples)), AS_OF, w -> { });
        NormalizeJob.run(PipelineOptionsFactory.fromArgs("--dataRoot=" + root.root()).as(NormalizeOptions.class));

        ReportJob.Result r = ReportJob.run(root, new ReportJob.Request(null, null, "demo", null));

        long listed = Duck.count("SELECT count(*) FROM (SELECT DISTINCT session_date, district_id, age_group FROM "
                + Duck.table(root.root(), "sessions") + " WHERE district_id IS NOT NULL)");
        long expected = Duck.count("SELECT count(*) FROM (SELECT DISTINCT session_date, district_id, age_group FROM "
                + Duck.table(root.root(), "sessions") + " WHERE district_id IS NOT NULL UNION SELECT read.session_date,"
                + " read.district_id, standard.age_group FROM (SELECT DISTINCT district_id, CAST(coalesce(request_date,"
                + " CAST(as_of_at + INTERVAL 330 MINUTE AS DATE)) + CAST(d AS INTEGER) AS DATE)"
                + " AS session_date FROM " + Duck.table(root.root(), "fetches") + ", range(7) AS days(d) WHERE outcome IN ('ok', 'empty')"
                + " AND district_id IS NOT NULL AND (endpoint = 'calendarByDistrict' OR (endpoint = 'findByDistrict' AND d = 0))) AS read"
                + " INNER JOIN (VALUES ('45+', DATE '2021-04-01', DATE '9999-12-31'), ('18-44', DATE '2021-05-01', DATE '2021-06-30'),"
                + " ('18+', DATE '2021-07-01', DATE '9999-12-31'), ('15-17', DATE '2022-01-03', DATE '9999-12-31'),"
                + " ('12-14', DATE '2022-03-16', DATE '9999-12-31')) AS standard(age_group, from_date, to_date)"
                + " ON read.session_date BETWEEN standard.from_date AND standard.to_date)");
        assertEquals(expected, r.csvRows().get("district_daily_coverage.csv"));
        assertTrue(listed > 50, "the samples span many districts and days: " + listed);
        assertTrue(expected > listed, "districts read have rows for standard groups they did not list: " + expected);
        assertEquals(List.of("samples"), r.sweeps());
        assertTrue(Files.size(r.pack().resolve(Charts.PER_100K)) > 0);
    }
}
