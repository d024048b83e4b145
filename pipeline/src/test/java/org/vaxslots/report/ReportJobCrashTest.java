package org.vaxslots.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.vaxslots.store.DataRoot;
import org.vaxslots.store.DataRootLock;
import org.vaxslots.testing.CrashPoints;
import org.vaxslots.testing.DemoRoot;
import org.vaxslots.testing.Trees;

/**
 * kill -9 of {@code vaxslots report} at random points, then a re-run: the pack ends identical to
 * an uninterrupted run's (every file byte for byte; manifest.json but for its generated_at), and
 * between the kill and the re-run every pack directory a reader can see is whole: it has its
 * manifest and the uninterrupted run's bytes. Half the points write a first pack, half replace an
 * existing one. Kill points: {@link CrashPoints}.
 */
class ReportJobCrashTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void report_killedAtRandomPoints_rerunGivesIdenticalPackAndNoPartialPackIsVisible() throws Exception {
        DataRoot demo = DemoRoot.shared();
        Path expectedPack = demo.reports().resolve(DemoRoot.RELEASE);
        Map<String, String> expected = comparable(expectedPack);
        long window = uninterruptedChildNanos(expected);
        SplittableRandom random = CrashPoints.random("report");
        List<String> kills = new ArrayList<>();
        int attempt = 0;
        while (kills.size() < CrashPoints.POINTS && attempt < CrashPoints.POINTS * 3) {
            attempt++;
            boolean replace = attempt % 2 == 0;
            DataRoot root = DemoRoot.copy(dir.resolve("r" + attempt),
                    replace ? new String[] {"raw", "tables", "reports"} : new String[] {"raw", "tables"});
            Path log = dir.resolve("r" + attempt + ".log");
            long delay = random.nextLong(window);
            Process child = CrashPoints.start(log, "report", "--data-root", root.root().toString(), "--release", DemoRoot.RELEASE);
            Path lock = root.root().resolve(DataRootLock.FILE);
            boolean killed = CrashPoints.awaitWhileAlive(child, () -> Files.exists(lock)) && CrashPoints.runFor(child, delay);
            CrashPoints.kill(child);
            String context = "attempt " + attempt + (replace ? " (replacing a pack)" : "") + " killed " + delay / 1_000_000
                    + " ms after start; " + CrashPoints.describe() + "\n" + CrashPoints.log(log);
            if (killed) {
                String phase = phase(root);
                assertOnlyWholePacksVisible(root, expected, context);

                assertEquals(0, Main.execute("report", "--data-root", root.root().toString(), "--release", DemoRoot.RELEASE),
                        context);

                assertEquals(expected, comparable(root.reports().resolve(DemoRoot.RELEASE)), context);
                assertEquals(List.of(DemoRoot.RELEASE), visiblePacks(root), context);
                kills.add(delay / 1_000_000 + "ms:" + phase);
            } else {
                assertEquals(0, child.exitValue(), context);
            }
        }
        System.out.println("ReportJobCrashTest: " + kills.size() + " kill points survived in " + attempt + " attempts, "
                + CrashPoints.describe() + ": " + kills);
        assertEquals(CrashPoints.POINTS, kills.size(), "the child finished before most kill points: " + kills);
    }

    private long uninterruptedChildNanos(Map<String, String> expected) throws Exception {
        DataRoot root = DemoRoot.copy(dir.resolve("whole"), "raw", "tables");
        Path log = dir.resolve("whole.log");
        Process child = CrashPoints.start(log, "report", "--data-root", root.root().toString(), "--release", DemoRoot.RELEASE);
        Path lock = root.root().resolve(DataRootLock.FILE);
        CrashPoints.awaitWhileAlive(child, () -> Files.exists(lock));
        long started = System.nanoTime();
        assertEquals(0, child.waitFor(), CrashPoints.log(log));
        long nanos = System.nanoTime() - started;
        assertEquals(expected, comparable(root.reports().resolve(DemoRoot.RELEASE)));
        return Math.max(nanos, 1_000_000);
    }

    /** A pack as {file → sha256}, manifest.json replaced by its text without generated_at. */
    private static Map<String, String> comparable(Path pack) throws IOException {
        Map<String, String> files = Trees.digests(pack);
        ObjectNode manifest = (ObjectNode) JSON.readTree(pack.resolve(PackManifest.FILE).toFile());
        manifest.remove("generated_at");
        files.put(PackManifest.FILE, manifest.toString());
        return files;
    }

    private static List<String> visiblePacks(DataRoot root) throws IOException {
        if (!Files.isDirectory(root.reports())) {
            return List.of();
        }
        try (Stream<Path> packs = Files.list(root.reports())) {
            return packs.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    private static void assertOnlyWholePacksVisible(DataRoot root, Map<String, String> expected, String context)
            throws IOException {
        for (String name : visiblePacks(root)) {
            Path pack = root.reports().resolve(name);
            assertTrue(Files.isRegularFile(pack.resolve(PackManifest.FILE)), "pack " + name + " has no manifest; " + context);
            assertEquals(expected, comparable(pack), "visible pack " + name + " is not whole; " + context);
        }
    }

    /** Where the kill landed: files under tmp/ (staging) and packs under reports/, hidden ones included. */
    private static String phase(DataRoot root) throws IOException {
        Map<String, Integer> n = new TreeMap<>();
        for (Path p : List.of(root.tmp(), root.reports())) {
            if (Files.exists(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    for (Path f : walk.filter(Files::isRegularFile).toList()) {
                        n.merge(f.startsWith(root.tmp()) ? "staged" : "published", 1, Integer::sum);
                    }
                }
            }
        }
        return n.toString().replace(" ", "");
    }
}
