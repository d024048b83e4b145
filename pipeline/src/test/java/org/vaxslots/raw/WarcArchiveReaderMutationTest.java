package org.vaxslots.raw;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaxslots.store.DataRoot;
import org.vaxslots.testing.Mutations;
import org.vaxslots.testing.Samples;
import org.vaxslots.ingest.ImportJob;

/**
 * Seeded mutations of a real WARC file (three imported samples): the reader never throws, and
 * every mutant yields whole records, damage, or both, never silence about a changed file.
 */
class WarcArchiveReaderMutationTest {
    private static final Instant NOW = Instant.parse("2021-05-16T04:30:00Z");

    @TempDir
    Path dir;

    @Test
    void read_mutatedWarcFiles_neverThrowsAndAlwaysAccountsForTheFile() throws Exception {
        DataRoot root = new DataRoot(dir.resolve("data"));
        ImportJob.Result imported = ImportJob.run(root, new ImportJob.Request("s", NOW, null, Map.of(),
                List.of(Samples.writeTo(dir.resolve("in"), Samples.availabilityNames().subList(0, 3)))), NOW, w -> { });
        byte[] whole = Files.readAllBytes(imported.warcFile());
        Path file = dir.resolve("mutant.warc.gz");
        SplittableRandom random = new SplittableRandom(Mutations.SEED);
        int iterations = Math.max(1, Mutations.ITERATIONS / 4);
        int damaged = 0;
        for (int i = 0; i < iterations; i++) {
            byte[] mutant = Mutations.mutate(whole, random);
            Files.write(file, mutant);
            int[] seen = {0, 0};
            try {
                WarcArchiveReader.read(file, "mutant.warc.gz", r -> seen[0]++, d -> seen[1]++);
            } catch (RuntimeException e) {
                throw new AssertionError("mutant " + i + " (seed " + Mutations.SEED + ") threw", e);
            }
            damaged += seen[1];
            assertTrue(seen[0] + seen[1] > 0 || mutant.length == 0, "mutant " + i + " gave neither records nor damage");
        }
        System.out.println("WarcArchiveReaderMutationTest: " + iterations + " mutated WARC files, " + damaged + " reported damaged");
    }
}
