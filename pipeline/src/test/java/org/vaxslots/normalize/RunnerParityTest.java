package org.vaxslots.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaxslots.ingest.ImportJob;
import org.vaxslots.store.DataRoot;
import org.vaxslots.testing.Samples;
import org.vaxslots.testing.Trees;

/**
 * The same job, unchanged, on Beam's Flink runner (embedded local cluster) and Spark runner
 * (local[2]) writes the very same tables, byte for byte, as on the DirectRunner.
 */
class RunnerParityTest {
    private static final Instant AS_OF = Instant.parse("2021-05-24T06:30:00Z");

    @TempDir
    static Path dir;
    static Path raw;
    static Map<String, String> direct;

    @BeforeAll
    static void normalizeOnTheDirectRunner() throws Exception {
        DataRoot root = new DataRoot(dir.resolve("direct"));
        List<String> names = Samples.availabilityNames();
        ImportJob.run(root, new ImportJob.Request("a", AS_OF, null, Map.of(),
                List.of(Samples.writeTo(dir.resolve("in-a"), names.subList(0, 6)))), AS_OF, w -> { });
        ImportJob.run(root, new ImportJob.Request("b", AS_OF, null, Map.of(),
                List.of(Samples.writeTo(dir.resolve("in-b"), names.subList(6, 12)))), AS_OF, w -> { });
        raw = root.raw();
        direct = Trees.digests(normalize(root, "--runner=DirectRunner"));
        assertTrue(direct.keySet().containsAll(List.of("listed_districts/sweep_id=a/part-00000.parquet",
                "listed_districts/sweep_id=b/part-00000.parquet")), "every table of the sweeps compared: " + direct.keySet());
    }

    private static Path normalize(DataRoot root, String... runnerArgs) throws Exception {
        String[] args = new String[runnerArgs.length + 1];
        System.arraycopy(runnerArgs, 0, args, 0, runnerArgs.length);
        args[runnerArgs.length] = "--dataRoot=" + root.root();
        NormalizeJob.Summary s = NormalizeJob.run(PipelineOptionsFactory.fromArgs(args).as(NormalizeOptions.class));
        assertEquals(List.of("a", "b"), s.sweeps());
        assertEquals(1223, s.sessions(), "session rows counted by the runner's metrics");
        return root.tables();
    }

    private static DataRoot copyOfRaw(String name) throws Exception {
        DataRoot root = new DataRoot(dir.resolve(name));
        for (Path f : Files.walk(raw).filter(Files::isRegularFile).toList()) {
            Path to = root.raw().resolve(raw.relativize(f).toString());
            Files.createDirectories(to.getParent());
            Files.copy(f, to);
        }
        return root;
    }

    @Test
    void flinkRunner_embeddedCluster_sameTablesByteForByte() throws Exception {
        Path tables = normalize(copyOfRaw("flink"), "--runner=FlinkRunner", "--flinkMaster=[local]");

        assertEquals(direct, Trees.digests(tables));
    }

    @Test
    void sparkRunner_local_sameTablesByteForByte() throws Exception {
        Path tables = normalize(copyOfRaw("spark"), "--runner=SparkRunner", "--sparkMaster=local[2]");

        assertEquals(direct, Trees.digests(tables));
    }
}
