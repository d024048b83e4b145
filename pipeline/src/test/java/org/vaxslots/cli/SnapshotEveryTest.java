package org.vaxslots.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaxslots.model.RateLimit;
import org.vaxslots.simulator.Faults;
import org.vaxslots.simulator.SimulatorConfig;
import org.vaxslots.simulator.SimulatorServer;
import org.vaxslots.testing.Cli;

/** {@code snapshot --every}: repeated sweeps on aligned ticks, for containers without cron. */
class SnapshotEveryTest {
    @TempDir
    Path dir;

    @Test
    void every_runsOneSweepPerAlignedTick_withItsOwnId_andStopsAfterCount() throws Exception {
        try (SimulatorServer sim = SimulatorServer.start(SimulatorConfig.defaults().withPort(0).withSeed(7)
                .withStart(Instant.parse("2021-05-24T06:30:00Z")).withSpeed(0).withRateLimit(RateLimit.parse("100/1s"))
                .withFaults(Faults.parse("none")))) {
            Cli.Run r = Cli.run("snapshot", "--quiet", "--data-root", dir.toString(), "--source", sim.baseUri().toString(),
                    "--date", "24-05-2021", "--districts", "290,291", "--budget", "100/1s", "--every", "2s", "--count", "2",
                    "--sweep-id", "tick");

            assertEquals(0, r.exit(), r.err());
            List<String> sweeps;
            try (Stream<Path> s = Files.list(dir.resolve("raw"))) {
                sweeps = s.map(p -> p.getFileName().toString()).sorted().toList();
            }
            assertEquals(2, sweeps.size(), sweeps.toString());
            DateTimeFormatter stamp = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
            long[] ticks = sweeps.stream().mapToLong(name -> LocalDateTime
                    .parse(name.substring("sweep_id=tick-".length()), stamp).toEpochSecond(ZoneOffset.UTC)).toArray();
            assertEquals(0, ticks[0] % 2, "ticks are aligned to the interval: " + sweeps);
            long gap = ticks[1] - ticks[0];
            assertTrue(gap >= 2 && gap % 2 == 0, "the next sweep waits for a later tick: " + sweeps);
            assertEquals(2, r.out().lines().filter(l -> l.contains("2/2 districts captured")).count(), r.out());
            assertEquals(4, sim.stats().requests());
        }
    }

    @Test
    void count_withoutEvery_isAUsageError() {
        Cli.Run r = Cli.run("snapshot", "--data-root", dir.toString(), "--source", "http://127.0.0.1:9/api", "--count", "2");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--count goes with --every"), r.err());
    }
}
