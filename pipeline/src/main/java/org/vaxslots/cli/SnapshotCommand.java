package org.vaxslots.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
            description = "API base: https://cdn-api.co-vin.in/api, or the simulator's address.")
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

    @Option(names = "--sweep-id", paramLabel = "ID", description = "Sweep id (default: sweep-<UTC time>); reuse one to resume it.")
    String sweepId;

    @Option(names = "--every", paramLabel = "DURATION", description = "Repeat a sweep on aligned ticks, e.g. 15m (for containers without cron).")
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

    @Override
    public Integer call() throws Exception {
        if (every == null) {
            if (count != null) {
                throw new IllegalArgumentException("--count goes with --every");
            }
            return sweep(sweepId != null ? sweepId : SweepIds.of("sweep", Instant.now()));
        }
        Duration interval = Durations.parse(every);
        if (count != null && count < 1) {
            throw new IllegalArgumentException("--count must be at least 1, was " + count);
        }
        int worst = 0;
        for (int done = 0; count == null || done < count; done++) {
            long ms = interval.toMillis();
            long next = (System.currentTimeMillis() / ms + 1) * ms;
            Thread.sleep(Math.max(0, next - System.currentTimeMillis()));
            int code = sweep(SweepIds.of(sweepId != null ? sweepId : "sweep", Instant.ofEpochMilli(next)));
            if (code == 1) {
                return code;
            }
            worst = Math.max(worst, code);
        }
        return worst;
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
            return LocalDate.now(IST);
        }
        try {
            return LocalDate.parse(date, DateTimeFormatter.ofPattern("dd-MM-yyyy"));
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
