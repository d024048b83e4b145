package org.vaxslots.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaxslots.model.RateLimit;
import org.vaxslots.raw.RawFiles;
import org.vaxslots.simulator.Faults;
import org.vaxslots.simulator.SimulatorConfig;
import org.vaxslots.simulator.SimulatorServer;
import org.vaxslots.store.DataRoot;
import org.vaxslots.testing.CrashPoints;

/**
 * kill -9 of {@code vaxslots snapshot} after a random number of requests, then a resume with the
 * same sweep id: the archive holds exactly one 200 response per request, with the same payload
 * digests as an uninterrupted sweep of the same (deterministic) simulator, and between the kill
 * and the resume every published WARC file reads whole with the independent reader.
 */
class SnapshotJobCrashTest {
    private static final Instant SIM_START = Instant.parse("2021-05-24T06:30:00Z");
    private static final LocalDate DAY = LocalDate.of(2021, 5, 24);
    /** Kerala: states + districts + 14 calendars. */
    private static final int KERALA = 17;
    private static final int REQUESTS = 16;

    @TempDir
    Path dir;

    @Test
    void snapshot_killedAfterRandomRequests_resumeArchivesEachRequestOnceWithUninterruptedDigests() throws Exception {
        SplittableRandom random = CrashPoints.random("snapshot");
        List<Integer> kills = new ArrayList<>();
        try (SimulatorServer sim = SimulatorServer.start(SimulatorConfig.defaults().withPort(0).withSeed(7).withStart(SIM_START)
                .withSpeed(0).withRateLimit(null).withFaults(Faults.parse("latency=1:15ms-15ms")))) {
            DataRoot whole = new DataRoot(dir.resolve("whole"));
            sweep(whole, sim);
            Map<String, String> expected = okDigests(whole, "k");
            assertEquals(REQUESTS, expected.size());
            int attempt = 0;
            while (kills.size() < CrashPoints.POINTS && attempt < CrashPoints.POINTS * 3) {
                attempt++;
                DataRoot root = new DataRoot(dir.resolve("s" + attempt));
                int after = 1 + random.nextInt(REQUESTS - 1);
                long before = sim.stats().requests();
                Path log = dir.resolve("s" + attempt + ".log");
                Process child = CrashPoints.start(log, "snapshot", "--quiet", "--data-root", root.root().toString(),
                        "--source", sim.baseUri().toString(), "--date", "24-05-2021", "--states", Integer.toString(KERALA),
                        "--budget", "1000/1s", "--sweep-id", "k", "--exchanges-per-file", "3");
                boolean killed = CrashPoints.awaitWhileAlive(child, () -> sim.stats().requests() - before >= after);
                String stalled = killed ? "" : CrashPoints.threadDump(child);
                CrashPoints.kill(child);
                String context = "attempt " + attempt + " killed after " + (sim.stats().requests() - before) + " requests; "
                        + CrashPoints.describe() + "\n" + CrashPoints.log(log) + stalled;
                if (!killed) {
                    assertEquals(0, child.exitValue(), context);
                    continue;
                }
                for (Path f : RawFiles.list(root, "k")) {
                    assertTrue(WarcCheck.read(f).size() > 1, "published file " + f + " reads whole; " + context);
                }

                SnapshotJob.Result r = sweep(root, sim);

                assertEquals(14, r.captured(), context);
                assertEquals(expected, okDigests(root, "k"), context);
                assertTrue(abandoned(root) <= 1, context);
                kills.add(after);
            }
        }
        System.out.println("SnapshotJobCrashTest: " + kills.size() + " kill points survived (requests before the kill: "
                + kills + "), " + CrashPoints.describe());
        assertEquals(CrashPoints.POINTS, kills.size(), kills.toString());
    }

    private static SnapshotJob.Result sweep(DataRoot root, SimulatorServer sim) throws Exception {
        RetryPolicy fast = new RetryPolicy(10, Duration.ofMillis(5), Duration.ofMillis(40), Duration.ofMillis(300),
                Duration.ofMillis(1200));
        SnapshotJob.Request request = SnapshotJob.Request.defaults(sim.baseUri().toString(), "k", DAY)
                .withBudget(RateLimit.parse("1000/1s")).withScope(List.of(KERALA), List.of()).withRetry(fast, 3);
        return new SnapshotJob(root, request, Clock.systemUTC(), Budget.Ticker.SYSTEM, Progress.silent()).run();
    }

    /** target URI → payload digest of its 200 response; fails on a URI archived twice. */
    private static Map<String, String> okDigests(DataRoot root, String sweepId) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (Path f : RawFiles.list(root, sweepId)) {
            for (WarcCheck.Record rec : WarcCheck.read(f)) {
                if ("response".equals(rec.type()) && WarcCheck.status(rec) == 200) {
                    String uri = rec.fields().get("WARC-Target-URI");
                    String previous = out.put(uri, rec.fields().get("WARC-Payload-Digest"));
                    assertEquals(null, previous, uri + " archived twice");
                }
            }
        }
        return out;
    }

    private static long abandoned(DataRoot root) throws IOException {
        try (Stream<Path> files = Files.list(root.rawSweep("k"))) {
            return files.filter(p -> p.toString().endsWith(".abandoned")).count();
        }
    }
}
