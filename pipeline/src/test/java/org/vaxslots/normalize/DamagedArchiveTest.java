package org.vaxslots.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaxslots.cli.Main;
import org.vaxslots.ingest.ImportJob;
import org.vaxslots.store.DataRoot;
import org.vaxslots.testing.DemoRoot;
import org.vaxslots.testing.Duck;
import org.vaxslots.testing.Samples;
import org.vaxslots.testing.Trees;

/**
 * Damaged raw files at the level of the whole job: a WARC truncated mid-record (power loss) and a
 * file of garbage bytes named like a WARC. Each becomes rejects rows naming the file and offset;
 * the whole records before the damage land; other sweeps come out byte-identical to a root that
 * never had the damaged file.
 */
class DamagedArchiveTest {
    private static final Instant AS_OF = Instant.parse("2021-05-16T04:30:00Z");

    @TempDir
    Path dir;

    private static DataRoot importSamples(Path at, String sweep, List<String> names, Path work) throws Exception {
        DataRoot root = new DataRoot(at);
        ImportJob.run(root, new ImportJob.Request(sweep, AS_OF, null, Map.of(), List.of(Samples.writeTo(work, names))), AS_OF,
                w -> { });
        return root;
    }

    private static void normalize(DataRoot root) {
        assertEquals(0, Main.execute("normalize", "--data-root", root.root().toString()));
    }

    @Test
    void normalize_truncatedWarcAndGarbageFile_rejectsNameThemAndOtherSweepsAreUnaffected() throws Exception {
        List<String> names = Samples.availabilityNames();
        DataRoot root = importSamples(dir.resolve("data"), "good", names.subList(3, 6), dir.resolve("in-good"));
        DataRoot clean = new DataRoot(dir.resolve("clean"));
        DemoRoot.copyTree(root.raw(), clean.raw());
        normalize(clean);
        importSamples(root.root(), "cut", names.subList(0, 3), dir.resolve("in-cut"));
        Path cutFile = Files.list(root.rawSweep("cut")).filter(p -> p.toString().endsWith(".warc.gz")).findFirst().orElseThrow();
        byte[] whole = Files.readAllBytes(cutFile);
        Files.write(cutFile, Arrays.copyOf(whole, whole.length - 2000));
        Path garbage = root.rawSweep("cut").resolve("zz-garbage.warc.gz");
        Files.write(garbage, "\u0000\u00ffnot a WARC at all\r\n".repeat(50).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        normalize(root);

        List<List<Object>> rejects = Duck.rows("SELECT source, \"offset\" = 0, fetch_id IS NULL, record_path, reason_code,"
                + " reason LIKE '%unreadable%'"
                + " FROM " + Duck.table(root.root(), "rejects") + " WHERE sweep_id = 'cut' ORDER BY source");
        assertEquals(List.of(
                List.of(root.relative(cutFile), false, true, "$", "damaged_warc", true),
                List.of(root.relative(garbage), true, true, "$", "damaged_warc", true)), rejects);
        assertEquals(List.of(List.of(2L)), Duck.rows("SELECT count(*) FROM " + Duck.table(root.root(), "fetches")
                + " WHERE sweep_id = 'cut'"), "the two whole records before the cut land");
        Map<String, String> good = Trees.digests(root.tables());
        good.keySet().removeIf(k -> k.contains("sweep_id=cut") || k.contains("cut.json"));
        assertEquals(Trees.digests(clean.tables()), good);
        assertTrue(Files.exists(root.normalizedMarker("cut")));
    }
}
