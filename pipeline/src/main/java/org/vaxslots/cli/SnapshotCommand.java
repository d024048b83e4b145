package org.vaxslots.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.vaxslots.model.Durations;
import org.vaxslots.model.Endpoint;
import org.vaxslots.model.RateLimit;
import org.vaxslots.snapshot.Progress;
import org.vaxslots.snapshot.RetryPolicy;
import org.vaxslots.snapshot.SnapshotJob;
import org.vaxslots.snapshot.Ticks;
import org.vaxslots.store.SweepIds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = {"One sweep of the public Co-WIN API (or the simulator): states -> districts -> the",
                "chosen endpoints per district, every attempt archived as WARC under raw/. Polite: one",
                "budget (default the published 100 calls / 5 minutes), never exceeded; 403/429 cool",
                "down. Re-running a --sweep-id fetches only what it has not captured yet.",
                "Exit: 0 every district captured, 3 coverage below --min-coverage, 1 failure."})
final class SnapshotCommand implements Callable<Integer> {
    static final int EXIT_PARTIAL = 3;
    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    @Mixin
    CommonOptions common;

    @Option(names = "--source", required = true, paramLabel = "URL",
            description = "API base: " + Endpoint.COWIN_BASE + ", or the simulator's address.")
    String source;

    @Option(names = "--date", paramLabel = "dd-MM-yyyy", description = "First day of the calendar (default: today in India).")
    String date;

    @Option(names = "--states", split = ",", paramLabel = "ID", description = "Only these state ids.")
    List<Integer> states = new ArrayList<>();

    @Option(names = "--districts", split = ",", paramLabel = "ID", description = "Only these district ids (no state or district list is fetched).")
    List<Integer> districts = new ArrayList<>();

    @Option(names = "--endpoints", split = ",", paramLabel = "NAME", defaultValue = "calendarByDistrict",
            description = "Per district: calendarByDistrict and/or findByDistrict (default ${DEFAULT-VALUE}).")
    List<String> endpoints;

    @Option(names = "--budget", paramLabel = "N/DURATION", defaultValue = "100/5m",
            description = "Calls per sliding window, retries included (default ${DEFAULT-VALUE}).")
    String budget;

    @Option(names = "--sweep-id", paramLabel = "ID",
            description = "The id of this one sweep, as given; re-run it with the same id to resume it. Not with"
                    + " --every, whose sweeps each get their own id (see --sweep-prefix).")
    String sweepId;

    @Option(names = "--sweep-prefix", paramLabel = "PREFIX",
            description = "Without --sweep-id, the sweep id is PREFIX-<UTC time>: the start, or with --every the"
                    + " sweep's tick, e.g. sweep-20210524T063000Z (default sweep).")
    String sweepPrefix;

    @Option(names = "--every", paramLabel = "DURATION",
            description = "Repeat a sweep at each tick of the interval counted from the epoch (15m: every quarter"
                    + " hour, UTC), at least 1s; a sweep that runs past a tick skips it. For containers without cron.")
    String every;

    @Option(names = "--count", paramLabel = "N",
            description = "With --every: stop after N sweeps (default: until stopped). Exit as the worst sweep did.")
    Integer count;

    @Option(names = "--min-coverage", paramLabel = "PCT", defaultValue = "100",
            description = "Share of districts that must be captured for exit 0 (default ${DEFAULT-VALUE}).")
    double minCoverage;

    @Option(names = "--user-agent", paramLabel = "UA", description = "User-Agent header (default: a browser-like one naming vaxslots).")
    String userAgent;

    @Option(names = "--exchanges-per-file", paramLabel = "N", defaultValue = "100",
            description = "Publish a WARC file every N exchanges; a crash loses at most these (default ${DEFAULT-VALUE}).")
    int exchangesPerFile;

    @Option(names = "--no-conditional", negatable = false,
            description = "Do not send If-None-Match with the ETag of the last full capture (a 304 is archived as a"
                    + " revisit record and normalized from the capture it repeats).")
    boolean noConditional;

    @Option(names = "--quiet", description = "No progress line (for cron).")
    boolean quiet;

    /** What names a generated sweep id and what {@code --every} waits on: the wall clock, but in tests. */
    private final Clock clock;
    private final Ticks.Sleeper sleeper;

    SnapshotCommand() {
        this(Clock.systemUTC());
    }

    private SnapshotCommand(Clock clock) {
        this(clock, Ticks.sleepingOn(clock));
    }

    SnapshotCommand(Clock clock, Ticks.Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    public Integer call() throws Exception {
        if (sweepId != null && sweepPrefix != null) {
            throw new IllegalArgumentException("--sweep-id names the sweep and --sweep-prefix the start of a generated"
                    + " id: give one of them");
        }
        String prefix = prefix();
        if (every == null) {
            if (count != null) {
                throw new IllegalArgumentException("--count goes with --every");
            }
            return sweep(sweepId != null ? sweepId : SweepIds.of(prefix, clock.instant()));
        }
        if (sweepId != null) {
            throw new IllegalArgumentException("--sweep-id '" + sweepId + "' names one sweep, and --every runs one per"
                    + " tick, each with its own id: give --sweep-prefix " + sweepId + " for ids " + sweepId + "-<tick UTC>");
        }
        Ticks ticks = new Ticks(Durations.parse(every), clock, sleeper);
        if (count != null && count < 1) {
            throw new IllegalArgumentException("--count must be at least 1, was " + count);
        }
        int worst = 0;
        for (int done = 0; count == null || done < count; done++) {
            int code = sweep(SweepIds.of(prefix, ticks.awaitNext()));
            if (code == 1) {
                return code;
            }
            worst = Math.max(worst, code);
        }
        return worst;
    }

    private String prefix() {
        String p = sweepPrefix == null ? "sweep" : sweepPrefix;
        if (!SweepIds.isValid(SweepIds.of(p, Instant.EPOCH))) {
            throw new IllegalArgumentException("--sweep-prefix '" + p + "': use up to 111 letters, digits, '.', '_'"
                    + " or '-', starting with a letter or digit");
        }
        return p;
    }

    private int sweep(String id) throws Exception {
        SnapshotJob.Request request = SnapshotJob.Request.defaults(source, id, day())
                .withBudget(RateLimit.parse(budget))
                .withScope(states, districts)
                .withEndpoints(endpoints())
                .withRetry(RetryPolicy.defaults(), exchangesPerFile)
                .withConditional(!noConditional);
        if (userAgent != null) {
            request = request.withUserAgent(userAgent);
        }
        SnapshotJob.Result r = SnapshotJob.run(common.root(), request, Progress.forTerminal(quiet));
        System.out.println(summary(r));
        return r.coveragePct() + 1e-9 >= minCoverage ? 0 : EXIT_PARTIAL;
    }

    static String summary(SnapshotJob.Result r) {
        List<Integer> missed = r.districtOutcomes().entrySet().stream()
                .filter(e -> !e.getValue().isCaptured()).map(java.util.Map.Entry::getKey).toList();
        return String.format("sweep %s: %d/%d districts captured (%.1f%%), %d calls, %d not modified, %d throttled,"
                        + " %d retries, %d already archived, %ds waited for budget%s", r.sweepId(), r.captured(),
                r.districtOutcomes().size(), r.coveragePct(), r.calls(), r.notModified(), r.throttled(), r.retries(),
                r.skippedAsArchived(), r.waitedForBudget().toSeconds(),
                missed.isEmpty() ? "" : "; not captured: " + missed);
    }

    private LocalDate day() {
        if (date == null) {
            return LocalDate.now(clock.withZone(IST));
        }
        try {
            return LocalDate.parse(date, Endpoint.DATE_PARAM);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--date '" + date + "' is not dd-MM-yyyy, e.g. 24-05-2021");
        }
    }

    private List<Endpoint> endpoints() {
        List<Endpoint> out = new ArrayList<>();
        for (String name : endpoints) {
            Endpoint e = Endpoint.byApiName(name).filter(x -> x == Endpoint.CALENDAR_BY_DISTRICT || x == Endpoint.FIND_BY_DISTRICT)
                    .orElseThrow(() -> new IllegalArgumentException("--endpoints '" + name
                            + "': per-district sweeps take calendarByDistrict or findByDistrict; other endpoints: "
                            + Arrays.toString(Endpoint.values())));
            out.add(e);
        }
        return out;
    }
}
