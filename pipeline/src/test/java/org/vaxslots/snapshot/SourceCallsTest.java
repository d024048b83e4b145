package org.vaxslots.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaxslots.model.RateLimit;
import org.vaxslots.simulator.Faults;
import org.vaxslots.simulator.SimulatorConfig;
import org.vaxslots.simulator.SimulatorServer;
import org.vaxslots.store.DataRoot;

/** The budget is per source, not per sweep: runs one after another share it, and never run side by side. */
class SourceCallsTest {
    private static final LocalDate DAY = LocalDate.of(2021, 5, 24);

    @TempDir
    Path dir;

    private static SimulatorServer simulator(String rateLimit) {
        return SimulatorServer.start(SimulatorConfig.defaults().withPort(0).withSeed(7)
                .withStart(Instant.parse("2021-05-24T06:30:00Z")).withSpeed(0).withRateLimit(RateLimit.parse(rateLimit))
                .withFaults(Faults.parse("none")));
    }

    private static SnapshotJob.Result sweep(DataRoot root, SimulatorServer sim, String sweepId, List<Integer> districts)
            throws Exception {
        SnapshotJob.Request request = SnapshotJob.Request.defaults(sim.baseUri().toString(), sweepId, DAY)
                .withBudget(RateLimit.parse("8/2s")).withScope(List.of(), districts);
        return new SnapshotJob(root, request, Clock.systemUTC(), Budget.Ticker.SYSTEM, Progress.silent()).run();
    }

    @Test
    void sweepsBackToBack_shareTheLimit_noneThrottled() throws Exception {
        DataRoot root = new DataRoot(dir);
        try (SimulatorServer sim = simulator("8/2s")) {
            // Each sweep alone fits in one window; run at once after each other (as --every or cron
            // would after a short sweep) they would be 16 calls in one window if each had its own budget.
            SnapshotJob.Result first = sweep(root, sim, "a", IntStream.rangeClosed(290, 297).boxed().toList());
            long started = System.nanoTime();
            SnapshotJob.Result second = sweep(root, sim, "b", IntStream.rangeClosed(298, 305).boxed().toList());
            double seconds = (System.nanoTime() - started) / 1e9;

            assertEquals(0, sim.stats().throttled(), sim.stats().toJson());
            assertEquals(8, first.captured());
            assertEquals(8, second.captured());
            assertTrue(second.waitedForBudget().toMillis() > 1000 && seconds > 1.0,
                    "the second sweep waited for the first one's window: " + second.waitedForBudget() + ", " + seconds + " s");
        }
    }

    @Test
    void aSecondSweepOfTheSameSource_isRefusedWhileOneRuns() throws Exception {
        DataRoot root = new DataRoot(dir);
        try (SimulatorServer sim = simulator("8/2s");
                SourceCalls running = SourceCalls.open(root, sim.baseUri(), 8, Duration.ofSeconds(2),
                        System.currentTimeMillis())) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> sweep(root, sim, "other", List.of(290)));
            assertTrue(e.getMessage().contains("another snapshot of " + sim.baseUri()), e.getMessage());
            assertEquals(0, sim.stats().requests(), "refused before any request");
            assertFalse(Files.exists(root.rawSweep("other")), "and before any file");
        }
    }

    @Test
    void callsFile_keepsTheWindow_countsATornLineAsOfTheFileTime_andDropsOldCalls() throws Exception {
        DataRoot root = new DataRoot(dir);
        URI base = URI.create("http://127.0.0.1:8080/api");
        Path file = root.sourceCalls().resolve("127.0.0.1_8080.calls");
        Files.createDirectories(file.getParent());
        long now = 1_790_000_000_000L; // epoch milliseconds, as written
        // an old call, two inside the window, and a line torn by a kill mid-write
        Files.writeString(file, (now - 60_000) + "\n" + (now - 1_500) + "\n" + (now - 500) + "\n17", StandardCharsets.US_ASCII);
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(now - 400));

        try (SourceCalls calls = SourceCalls.open(root, base, 10, Duration.ofSeconds(2), now)) {
            assertEquals(List.of(now - 1_500, now - 500, now - 400), calls.recentCalls(),
                    "the torn call is not lost: it counts as of the file's last write");
            calls.record(now + 10);
        }
        assertEquals((now - 1_500) + "\n" + (now - 500) + "\n" + (now - 400) + "\n" + (now + 10) + "\n",
                Files.readString(file, StandardCharsets.US_ASCII));
        assertEquals("cdn-api.co-vin.in_443", SourceCalls.key(URI.create("https://cdn-api.co-vin.in/api")));
    }
}
