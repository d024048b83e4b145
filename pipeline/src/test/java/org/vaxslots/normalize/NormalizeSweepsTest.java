package org.vaxslots.normalize;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.testing.PAssert;
import org.apache.beam.sdk.testing.TestPipeline;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.MapElements;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.TypeDescriptors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaxslots.ingest.ImportJob;
import org.vaxslots.store.DataRoot;
import org.vaxslots.testing.Samples;

class NormalizeSweepsTest {
    private static final Instant AS_OF = Instant.parse("2021-05-24T04:00:00Z");

    /** TestPipeline is a JUnit 4 rule; under Jupiter it runs once enforcement is set explicitly. */
    private final transient TestPipeline pipeline = TestPipeline.create().enableAbandonedNodeEnforcement(false);

    @TempDir
    Path dir;

    @Test
    void normalizeSweeps_twoSweeps_oneResultEachWithExactCounts() throws Exception {
        DataRoot root = new DataRoot(dir.resolve("data"));
        List<String> names = Samples.availabilityNames();
        Path ghaziabad = Samples.writeTo(dir.resolve("a"), List.of(names.get(5)));
        Path mumbaiAndSangli = Samples.writeTo(dir.resolve("b"), List.of(names.get(10), names.get(11)));
        ImportJob.run(root, new ImportJob.Request("ghaziabad", AS_OF, null, Map.of(), List.of(ghaziabad)), AS_OF, w -> { });
        ImportJob.run(root, new ImportJob.Request("maharashtra", AS_OF, null, Map.of(), List.of(mumbaiAndSangli)), AS_OF, w -> { });

        PCollection<String> counts = pipeline
                .apply(Create.of("ghaziabad", "maharashtra"))
                .apply(new NormalizeSweeps(root))
                .apply(MapElements.into(TypeDescriptors.strings()).via(NormalizeSweepsTest::describe));

        PAssert.that(counts).containsInAnyOrder(
                "ghaziabad: 1 responses, 78 centers, 247 sessions, 0 rejects",
                "maharashtra: 2 responses, 13 centers, 17 sessions, 0 rejects");
        pipeline.run().waitUntilFinish();

        assertTrue(Files.exists(root.tablePartition("sessions", "maharashtra").resolve(DataRoot.PART_FILE)));
        assertTrue(Files.exists(root.normalizedMarker("ghaziabad")));
    }

    private static String describe(SweepNormalizer.Result r) {
        return r.sweepId() + ": " + r.responses() + " responses, " + r.centers() + " centers, " + r.sessions()
                + " sessions, " + r.rejects() + " rejects";
    }
}
