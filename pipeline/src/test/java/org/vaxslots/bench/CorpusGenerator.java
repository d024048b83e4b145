package org.vaxslots.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.vaxslots.model.RateLimit;
import org.vaxslots.raw.RawFiles;
import org.vaxslots.simulator.SimClock;
import org.vaxslots.simulator.SimulatorConfig;
import org.vaxslots.simulator.SimulatorServer;
import org.vaxslots.snapshot.Progress;
import org.vaxslots.snapshot.RetryPolicy;
import org.vaxslots.snapshot.SnapshotJob;
import org.vaxslots.store.DataRoot;

/**
 * Benchmark corpus (not a test): real calendarByDistrict sweeps from the in-process simulator
 * through the real {@link SnapshotJob} into {@code <data-root>/raw/}, as the demo does, but with
 * no rate limit, an unreachable budget, a frozen clock advanced between sweeps, and all India (or
 * the given states). Sweeps already archived are skipped, so an interrupted corpus resumes.
 *
 * <p>Args: DATA_ROOT SWEEPS [STATES comma-separated, or "all"] [EVERY_MINUTES] [PREFIX] [DAY].
 * Prints one line: {@code corpus sweeps=N new=N seconds=S}.
 */
public final class CorpusGenerator {
    private CorpusGenerator() {}

    public static void main(String[] args) throws Exception {
        DataRoot root = new DataRoot(Path.of(args[0]).toAbsolutePath());
        int sweeps = Integer.parseInt(args[1]);
        List<Integer> states = args.length > 2 && !args[2].equals("all") ? parseIds(args[2]) : List.of();
        Duration every = Duration.ofMinutes(args.length > 3 ? Long.parseLong(args[3]) : 60);
        String prefix = args.length > 4 ? args[4] : "bench";
        LocalDate day = args.length > 5 ? LocalDate.parse(args[5]) : LocalDate.of(2021, 5, 24);
        System.out.println(generate(root, sweeps, states, every, prefix, day));
    }

    static String generate(DataRoot root, int sweeps, List<Integer> states, Duration every, String prefix,
            LocalDate day) throws Exception {
        long t0 = System.nanoTime();
        Instant start = day.atStartOfDay(SimClock.IST).toInstant();
        RateLimit budget = RateLimit.parse("1000000/1s");
        RetryPolicy retry = new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofSeconds(1),
                Duration.ofSeconds(2));
        SimulatorConfig config = SimulatorConfig.defaults().withPort(0).withSeed(1).withStart(start).withSpeed(0)
                .withRateLimit(null);
        List<String> existing = RawFiles.sweeps(root);
        int created = 0;
        try (SimulatorServer sim = SimulatorServer.start(config)) {
            for (int i = 0; i < sweeps; i++) {
                // Sweep ids sort in time order, so "the newest sweep" is the last one listed.
                String sweepId = String.format("%s-%05d", prefix, i);
                if (!existing.contains(sweepId) || !Files.exists(root.rawSweep(sweepId).resolve(".complete"))) {
                    SnapshotJob.Request request = SnapshotJob.Request.defaults(sim.baseUri().toString(), sweepId, day)
                            .withBudget(budget).withScope(states, List.of()).withRetry(retry)
                            .withConditional(false);
                    SnapshotJob.run(root, request, Progress.silent());
                    Files.writeString(root.rawSweep(sweepId).resolve(".complete"), "", StandardCharsets.UTF_8);
                    created++;
                }
                sim.clock().advance(every);
            }
        }
        return String.format("corpus sweeps=%d new=%d seconds=%.1f", sweeps, created, (System.nanoTime() - t0) / 1e9);
    }

    private static List<Integer> parseIds(String csv) {
        List<Integer> out = new ArrayList<>();
        for (String s : csv.split(",")) {
            out.add(Integer.parseInt(s.trim()));
        }
        return out;
    }
}
