package org.vaxslots.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.vaxslots.testing.Cli;
import org.junit.jupiter.api.io.TempDir;
import org.vaxslots.testing.DemoRoot;

/**
 * Ids that become file or directory names (sweep ids, release names, district ids) never carry a
 * path: each command refuses {@code ../} or a separator with a usage error (exit 2) naming the
 * value, before any file is written, and nothing appears outside the data root.
 */
class UnsafeIdsTest {
    @TempDir
    Path dir;


    private List<String> everything() throws Exception {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.map(p -> dir.relativize(p).toString()).filter(s -> !s.isEmpty()).sorted().toList();
        }
    }

    @Test
    void snapshot_sweepIdWithDotDot_refusedBeforeAnyRequestOrFile() throws Exception {
        Path root = dir.resolve("data");

        Cli.Run r = Cli.run("snapshot", "--quiet", "--data-root", root.toString(), "--source", "http://127.0.0.1:9/api",
                "--districts", "298", "--sweep-id", "../../escaped");

        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("invalid sweep id '../../escaped'"), r.err());
        assertTrue(everything().stream().noneMatch(p -> p.contains("escaped")), everything().toString());
    }

    @Test
    void import_sweepIdWithSeparator_refused() throws Exception {
        Path in = dir.resolve("in.json");
        Files.writeString(in, "{\"centers\":[]}");

        Cli.Run r = Cli.run("import", "--data-root", dir.resolve("data").toString(), "--sweep-id", "a/b", in.toString());

        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("invalid sweep id 'a/b'"), r.err());
        assertEquals(List.of("in.json"), everything().stream().filter(p -> !p.startsWith("data")).toList());
    }

    @Test
    void report_releaseWithDotDot_refused() throws Exception {
        DemoRoot.copy(dir.resolve("data"), "raw", "tables");

        Cli.Run r = Cli.run("report", "--data-root", dir.resolve("data").toString(), "--release", "../../escaped");

        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("invalid release name '../../escaped'"), r.err());
        assertTrue(everything().stream().noneMatch(p -> p.contains("escaped")), everything().toString());
    }

    @Test
    void snapshot_districtIdThatIsAPath_isAUsageError() {
        Cli.Run r = Cli.run("snapshot", "--quiet", "--data-root", dir.resolve("data").toString(), "--source",
                "http://127.0.0.1:9/api", "--districts", "../298");

        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("../298"), r.err());
    }

    @Test
    void normalize_rawDirectoryWithAnUnsafeSweepName_isAClearErrorNotACrash() throws Exception {
        Path root = dir.resolve("data");
        Files.createDirectories(root.resolve("raw").resolve("sweep_id=..hidden"));

        Cli.Run r = Cli.run("normalize", "--data-root", root.toString());

        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith("vaxslots: error: invalid sweep id '..hidden'"), r.err());
        assertTrue(!Files.exists(root.resolve("tables")));
    }
}
