package org.vaxslots.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaxslots.cli.Main;
import org.vaxslots.schema.Table;
import org.vaxslots.store.DataRoot;
import org.vaxslots.testing.CrashPoints;
import org.vaxslots.testing.DemoRoot;
import org.vaxslots.testing.Trees;

/**
 * kill -9 of {@code vaxslots normalize} at random points, then a plain re-run: the tables end
 * byte-identical to an uninterrupted run, and between the kill and the re-run nothing under
 * tables/ is a partial file (every visible file is one the uninterrupted run also wrote, with the
 * same bytes). Half the points kill a first normalize, half a {@code --rebuild} over published
 * tables (the replace path). Each kill lands a random time after the job starts staging, up to
 * the length of an uninterrupted run. Kill points: {@link CrashPoints}.
 */
class NormalizeJobCrashTest {
    @TempDir
    Path dir;

    @Test
    void normalize_killedAtRandomPoints_rerunGivesIdenticalTablesAndNoPartialFileIsVisible() throws Exception {
        DataRoot demo = DemoRoot.shared();
        Map<String, String> expected = Trees.digests(demo.tables());
        long window = uninterruptedChildNanos();
        SplittableRandom random = CrashPoints.random("normalize");
        List<String> kills = new ArrayList<>();
        int attempt = 0;
        while (kills.size() < CrashPoints.POINTS && attempt < CrashPoints.POINTS * 3) {
            attempt++;
            boolean rebuild = attempt % 2 == 0;
            DataRoot root = DemoRoot.copy(dir.resolve("n" + attempt), rebuild ? new String[] {"raw", "tables"} : new String[] {"raw"});
            Path log = dir.resolve("n" + attempt + ".log");
            long delay = random.nextLong(window);
            List<String> args = new ArrayList<>(List.of("normalize", "--data-root", root.root().toString()));
            if (rebuild) {
                args.add("--rebuild");
            }
            Process child = CrashPoints.start(log, args.toArray(String[]::new));
            Path staging = root.tmp().resolve("normalize");
            boolean killed = CrashPoints.awaitWhileAlive(child, () -> Files.exists(staging)) && CrashPoints.runFor(child, delay);
            CrashPoints.kill(child);
            String context = "attempt " + attempt + (rebuild ? " (--rebuild)" : "") + " killed " + delay / 1_000_000 + " ms after"
                    + " staging began; " + CrashPoints.describe() + "\n" + CrashPoints.log(log);
            if (killed) {
                String phase = phase(root);
                assertOnlyCompleteFilesVisible(root, demo, context);

                assertEquals(0, Main.execute("normalize", "--data-root", root.root().toString()), context);

                assertEquals(expected, Trees.digests(root.tables()), context);
                kills.add(delay / 1_000_000 + "ms:" + phase);
            } else {
                assertEquals(0, child.exitValue(), context);
            }
        }
        System.out.println("NormalizeJobCrashTest: " + kills.size() + " kill points survived in " + attempt + " attempts, "
                + CrashPoints.describe() + ": " + kills);
        assertEquals(CrashPoints.POINTS, kills.size(), "the child finished before most kill points: " + kills);
    }

    /**
     * The one window random kills almost never hit: {@code --rebuild} killed after it moved a
     * published partition aside (into tmp/) and before it renamed the new one in. The sweep's
     * marker from the earlier run is still there, so the next plain run must not trust it.
     */
    @Test
    void normalize_afterRebuildKilledBetweenMoveAsideAndPublish_plainRerunRestoresThePartition() throws Exception {
        DataRoot root = DemoRoot.copy(dir.resolve("data"), "raw", "tables");
        String sweep = org.vaxslots.raw.RawFiles.sweeps(root).get(0);
        Path partition = root.tablePartition(Table.SESSIONS.tableName(), sweep);
        Files.createDirectories(root.tmp());
        Files.move(partition, root.tmp().resolve("replaced-killed"));
        assertTrue(Files.exists(root.normalizedMarker(sweep)));

        assertEquals(0, Main.execute("normalize", "--data-root", root.root().toString()));

        assertEquals(Trees.digests(DemoRoot.shared().tables()), Trees.digests(root.tables()));
    }

    /** One uninterrupted child run: its tables must equal the in-process demo's; returns the time from the first staged file to exit. */
    private long uninterruptedChildNanos() throws Exception {
        DataRoot root = DemoRoot.copy(dir.resolve("whole"), "raw");
        Path log = dir.resolve("whole.log");
        Process child = CrashPoints.start(log, "normalize", "--data-root", root.root().toString());
        Path staging = root.tmp().resolve("normalize");
        CrashPoints.awaitWhileAlive(child, () -> Files.exists(staging));
        long started = System.nanoTime();
        assertEquals(0, child.waitFor(), CrashPoints.log(log));
        long nanos = System.nanoTime() - started;
        assertEquals(Trees.digests(DemoRoot.shared().tables()), Trees.digests(root.tables()));
        return Math.max(nanos, 1_000_000);
    }

    /**
     * Every file under tables/ that is not hidden is a partition file or a sweep marker with the
     * bytes of the uninterrupted run, and a marker means all five partitions of its sweep are there.
     */
    private static void assertOnlyCompleteFilesVisible(DataRoot root, DataRoot demo, String context) throws IOException {
        if (!Files.exists(root.tables())) {
            return;
        }
        Map<String, String> want = Trees.digests(demo.tables());
        try (Stream<Path> walk = Files.walk(root.tables())) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                String rel = root.tables().relativize(f).toString();
                if (f.getFileName().toString().startsWith(".")) {
                    continue;
                }
                assertEquals(want.get(rel), Trees.digests(f.getParent()).get(f.getFileName().toString()),
                        "visible file " + rel + " differs from the uninterrupted run's; " + context);
            }
        }
        try (Stream<Path> markers = Files.list(root.tables().resolve("_sweeps"))) {
            for (Path m : markers.filter(p -> p.toString().endsWith(".json") && !p.getFileName().toString().startsWith(".")).toList()) {
                String sweep = m.getFileName().toString().replace(".json", "");
                for (Table t : Table.normalized()) {
                    assertTrue(Files.isRegularFile(root.tablePartition(t.tableName(), sweep).resolve(DataRoot.PART_FILE)),
                            "sweep " + sweep + " is marked normalized but has no " + t.tableName() + " partition; " + context);
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // No sweep marked yet: nothing more to check.
        }
    }

    /** Where the kill landed: files staged under tmp/, partitions and markers published. */
    private static String phase(DataRoot root) throws IOException {
        Map<String, Integer> n = new TreeMap<>();
        for (Path p : List.of(root.tmp(), root.tables())) {
            if (Files.exists(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    for (Path f : walk.filter(Files::isRegularFile).toList()) {
                        String key = f.startsWith(root.tmp()) ? "staged" : f.toString().endsWith(".json") ? "markers" : "parts";
                        n.merge(key, 1, Integer::sum);
                    }
                }
            }
        }
        return n.toString().replace(" ", "");
    }
}
