package org.vaxslots.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaxslots.testing.Cli;

/** A killed normalize leaves staging, partitions moved aside and a marker's temporary file; the next run clears them. */
class NormalizeLeftoversTest {
    @TempDir
    Path dir;

    @Test
    void nextRun_clearsWhatAKilledRunLeft_andNothingElse() throws Exception {
        Path staged = Files.createDirectories(dir.resolve("tmp/normalize/s1-0000/sessions"));
        Files.writeString(staged.resolve("part-00000.parquet"), "half");
        Path aside = Files.createDirectories(dir.resolve("tmp/replaced-1234"));
        Files.writeString(aside.resolve("part-00000.parquet"), "old");
        Path markerTmp = Files.createDirectories(dir.resolve("tables/_sweeps")).resolve(".s1.json.tmp");
        Files.writeString(markerTmp, "{");
        Path marker = dir.resolve("tables/_sweeps/s2.json");
        Files.writeString(marker, "{}");
        Path duckdbSpill = Files.createDirectories(dir.resolve("tmp/duckdb")).resolve("keep");
        Files.writeString(duckdbSpill, "not normalize's");

        Cli.Run r = Cli.run("normalize", "--data-root", dir.toString());

        assertEquals(0, r.exit(), r.err());
        assertFalse(Files.exists(dir.resolve("tmp/normalize")));
        assertFalse(Files.exists(aside));
        assertFalse(Files.exists(markerTmp));
        assertTrue(Files.exists(marker), "a marker is not a leftover");
        assertTrue(Files.exists(duckdbSpill), "other jobs' tmp/ is theirs");
    }
}
