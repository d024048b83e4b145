package org.vaxslots.snapshot;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import org.vaxslots.model.RateLimit;
import org.vaxslots.store.DataRoot;

/**
 * A child process for {@link NetworkFaultsTest}: one sweep with short retry and cool-down times,
 * in a fresh JVM as the CLI would run it. Args: data root, source, budget, sweep id, state ids.
 * Prints the number of districts captured, then the outcomes.
 */
public final class FaultySweep {
    private FaultySweep() {}

    public static void main(String[] args) throws Exception {
        RetryPolicy fast = new RetryPolicy(12, Duration.ofMillis(5), Duration.ofMillis(40), Duration.ofMillis(250),
                Duration.ofMillis(1000));
        SnapshotJob.Request request = SnapshotJob.Request.defaults(args[1], args[3], LocalDate.of(2021, 5, 24))
                .withBudget(RateLimit.parse(args[2]))
                .withScope(Arrays.stream(args, 4, args.length).map(Integer::valueOf).toList(), java.util.List.of())
                .withRetry(fast, 25);
        SnapshotJob.Result r = new SnapshotJob(new DataRoot(Path.of(args[0])), request, Clock.systemUTC(), Budget.Ticker.SYSTEM,
                Progress.silent()).run();
        System.out.println(r.captured());
        System.out.println(r.districtOutcomes());
    }
}
