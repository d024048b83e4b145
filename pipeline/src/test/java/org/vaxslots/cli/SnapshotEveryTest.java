package org.vaxslots.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaxslots.model.RateLimit;
import org.vaxslots.simulator.Faults;
import org.vaxslots.simulator.SimulatorConfig;
import org.vaxslots.simulator.SimulatorServer;
import org.vaxslots.testing.Cli;
import picocli.CommandLine;

/**
 * {@code snapshot --every} on a clock the test moves (repeated sweeps on aligned ticks, for
 * containers without cron), and the rule for sweep ids: {@code --sweep-id} names one sweep as
 * given; generated ids are {@code --sweep-prefix}-time.
 */
class SnapshotEveryTest {
    private static final Instant START = Instant.parse("2021-05-24T06:29:59.500Z");

    @TempDir
    Path dir;

    /** A clock that reads what the sleeper last waited for: waiting takes no time. */
    private static final class MovedClock extends Clock {
        Instant now = START;
        final List<Instant> slept = new ArrayList<>();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }

        void sleepUntil(Instant t) {
            slept.add(t);
            now = t;
        }
    }

    private final MovedClock clock = new MovedClock();

    /** The command on the moved clock, its output kept as {@link Cli#run} keeps it. */
    private Cli.Run snapshot(String... args) {
        PrintStream savedOut = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            CommandLine cli = new CommandLine(new SnapshotCommand(clock, clock::sleepUntil));
            cli.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));
            cli.setExecutionExceptionHandler(new ErrorReporter());
            int exit = cli.execute(args);
            return new Cli.Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(savedOut);
        }
    }

    private static SimulatorServer simulator() throws Exception {
        return SimulatorServer.start(SimulatorConfig.defaults().withPort(0).withSeed(7)
                .withStart(Instant.parse("2021-05-24T06:30:00Z")).withSpeed(0).withRateLimit(RateLimit.parse("100/1s"))
                .withFaults(Faults.parse("none")));
    }

    private List<String> sweeps() throws Exception {
        try (Stream<Path> s = Files.list(dir.resolve("raw"))) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void every_movedClock_oneSweepPerAlignedTickNamedByItsTick_andStopsAfterCount() throws Exception {
        try (SimulatorServer sim = simulator()) {
            Cli.Run r = snapshot("--quiet", "--data-root", dir.toString(), "--source", sim.baseUri().toString(),
                    "--date", "24-05-2021", "--districts", "290,291", "--budget", "100/1s", "--every", "15m", "--count", "3",
                    "--sweep-prefix", "tick");

            assertEquals(0, r.exit(), r.err());
            assertEquals(List.of(Instant.parse("2021-05-24T06:30:00Z"), Instant.parse("2021-05-24T06:45:00Z"),
                    Instant.parse("2021-05-24T07:00:00Z")), clock.slept);
            assertEquals(List.of("sweep_id=tick-20210524T063000Z", "sweep_id=tick-20210524T064500Z",
                    "sweep_id=tick-20210524T070000Z"), sweeps());
            assertEquals(3, r.out().lines().filter(l -> l.contains("2/2 districts captured")).count(), r.out());
            assertEquals(6, sim.stats().requests());
        }
    }

    @Test
    void sweepId_withoutEvery_isTheSweepsIdAsGiven() throws Exception {
        try (SimulatorServer sim = simulator()) {
            Cli.Run r = snapshot("--quiet", "--data-root", dir.toString(), "--source", sim.baseUri().toString(),
                    "--date", "24-05-2021", "--districts", "290", "--budget", "100/1s", "--sweep-id", "tick");

            assertEquals(0, r.exit(), r.err());
            assertEquals(List.of("sweep_id=tick"), sweeps());
            assertEquals(List.of(), clock.slept, "one sweep starts at once");
        }
    }

    @Test
    void sweepPrefix_withoutEvery_idIsPrefixAndTheStartTime() throws Exception {
        try (SimulatorServer sim = simulator()) {
            Cli.Run r = snapshot("--quiet", "--data-root", dir.toString(), "--source", sim.baseUri().toString(),
                    "--date", "24-05-2021", "--districts", "290", "--budget", "100/1s", "--sweep-prefix", "kerala");

            assertEquals(0, r.exit(), r.err());
            assertEquals(List.of("sweep_id=kerala-20210524T062959Z"), sweeps());
        }
    }

    @Test
    void sweepId_withEvery_isAUsageErrorNamingSweepPrefix() {
        Cli.Run r = Cli.run("snapshot", "--data-root", dir.toString(), "--source", "http://127.0.0.1:9/api",
                "--every", "15m", "--sweep-id", "tick");

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--sweep-id 'tick' names one sweep, and --every runs one per tick, each with its own"
                + " id: give --sweep-prefix tick for ids tick-<tick UTC>"), r.err());
        assertTrue(Files.notExists(dir.resolve("raw")), "nothing was fetched");
    }

    @Test
    void sweepIdAndSweepPrefix_together_isAUsageError() {
        Cli.Run r = Cli.run("snapshot", "--data-root", dir.toString(), "--source", "http://127.0.0.1:9/api",
                "--sweep-prefix", "a", "--sweep-id", "b");

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("give one of them"), r.err());
    }

    @Test
    void sweepPrefix_unsafe_isAUsageError() {
        Cli.Run r = Cli.run("snapshot", "--data-root", dir.toString(), "--source", "http://127.0.0.1:9/api",
                "--sweep-prefix", "../up");

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--sweep-prefix '../up': use up to 111 letters"), r.err());
    }

    @Test
    void every_underASecond_isAUsageError() {
        Cli.Run r = Cli.run("snapshot", "--data-root", dir.toString(), "--source", "http://127.0.0.1:9/api",
                "--every", "500ms");

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--every must be at least 1s (a sweep id names its tick to the second), was 500ms"),
                r.err());
    }

    @Test
    void count_withoutEvery_isAUsageError() {
        Cli.Run r = Cli.run("snapshot", "--data-root", dir.toString(), "--source", "http://127.0.0.1:9/api", "--count", "2");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--count goes with --every"), r.err());
    }
}
