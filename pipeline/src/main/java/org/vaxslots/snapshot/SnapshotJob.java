package org.vaxslots.snapshot;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.vaxslots.model.Endpoint;
import org.vaxslots.model.FetchOutcome;
import org.vaxslots.model.RateLimit;
import org.vaxslots.store.DataRoot;
import org.vaxslots.store.SweepIds;

/**
 * One sweep: states, then each state's districts, then the chosen endpoints for each district,
 * every attempt archived as WARC. Polite (one budget per source, never exceeded, that also counts
 * the calls of earlier runs inside the window; one sweep per source at a time; throttling cools down),
 * resumable (what a sweep already captured is not fetched again), and honest about gaps: a
 * district that still fails is recorded as failed and the sweep goes on. Each request, its
 * attempts and their politeness are {@link Captures}'; this class walks the sweep.
 */
public final class SnapshotJob {
    public record Request(String source, String sweepId, LocalDate date, List<Integer> states, List<Integer> districts,
            List<Endpoint> endpoints, RateLimit budget, String userAgent, RetryPolicy retry, Duration timeout,
            int exchangesPerFile, boolean conditional) {

        public static Request defaults(String source, String sweepId, LocalDate date) {
            return new Request(source, sweepId, date, List.of(), List.of(), List.of(Endpoint.CALENDAR_BY_DISTRICT),
                    RateLimit.coWinDefault(), Fetcher.DEFAULT_USER_AGENT, RetryPolicy.defaults(), Duration.ofSeconds(30), 100, true);
        }

        public Request withBudget(RateLimit b) {
            return new Request(source, sweepId, date, states, districts, endpoints, b, userAgent, retry, timeout,
                    exchangesPerFile, conditional);
        }

        public Request withScope(List<Integer> stateIds, List<Integer> districtIds) {
            return new Request(source, sweepId, date, stateIds, districtIds, endpoints, budget, userAgent, retry, timeout,
                    exchangesPerFile, conditional);
        }

        public Request withEndpoints(List<Endpoint> e) {
            return new Request(source, sweepId, date, states, districts, e, budget, userAgent, retry, timeout,
                    exchangesPerFile, conditional);
        }

        public Request withUserAgent(String ua) {
            return new Request(source, sweepId, date, states, districts, endpoints, budget, ua, retry, timeout,
                    exchangesPerFile, conditional);
        }

        /** Whether per-district requests carry If-None-Match with the ETag of the source's last full capture. */
        public Request withConditional(boolean c) {
            return new Request(source, sweepId, date, states, districts, endpoints, budget, userAgent, retry, timeout,
                    exchangesPerFile, c);
        }

        public Request withRetry(RetryPolicy r) {
            return withRetry(r, exchangesPerFile);
        }

        public Request withRetry(RetryPolicy r, int filesEvery) {
            return new Request(source, sweepId, date, states, districts, endpoints, budget, userAgent, r, timeout,
                    filesEvery, conditional);
        }
    }

    /**
     * Per district: the crawler's outcome of its requests, that of the last endpoint not captured,
     * else empty when one answered empty, else ok.
     */
    public record Result(String sweepId, Map<Integer, FetchOutcome> districtOutcomes, long calls, long throttled,
            long retries, long skippedAsArchived, Duration waitedForBudget, long notModified) {

        public long captured() {
            return districtOutcomes.values().stream().filter(FetchOutcome::isCaptured).count();
        }

        public double coveragePct() {
            return districtOutcomes.isEmpty() ? 0 : 100.0 * captured() / districtOutcomes.size();
        }
    }

    private final DataRoot root;
    private final Request request;
    private final Allowlist allowlist;
    private final Budget budget;
    private final Budget.Ticker ticker;
    private final Fetcher fetcher;
    private final Clock clock;
    private final Progress progress;
    private final Archiver.Recorder recorder;

    SnapshotJob(DataRoot root, Request request, Clock clock, Budget.Ticker ticker, Progress progress) {
        this(root, request, clock, ticker, progress, ExchangeRecords::write);
    }

    SnapshotJob(DataRoot root, Request request, Clock clock, Budget.Ticker ticker, Progress progress,
            Archiver.Recorder recorder) {
        this.root = root;
        this.request = request;
        this.allowlist = Allowlist.forBase(request.source());
        this.ticker = ticker;
        this.budget = new Budget(request.budget(), ticker);
        this.fetcher = new Fetcher(request.userAgent(), request.timeout(), clock);
        this.clock = clock;
        this.progress = progress;
        this.recorder = recorder;
    }

    public static Result run(DataRoot root, Request request, Progress progress) throws IOException, InterruptedException {
        return new SnapshotJob(root, request, Clock.systemUTC(), Budget.Ticker.SYSTEM, progress).run();
    }

    Result run() throws IOException, InterruptedException {
        SweepIds.requireValid(request.sweepId());
        ArchivedSweep archived = ArchivedSweep.read(root, request.sweepId());
        Map<String, String> info = new LinkedHashMap<>();
        info.put("software", "vaxslots snapshot");
        info.put("format", "WARC File Format 1.0"); // what jwarc writes by default: WARC/1.0 records, whole-second dates
        info.put("source", allowlist.base().toString());
        info.put("budget", request.budget().toString());
        info.put("user-agent", request.userAgent());
        Map<Integer, FetchOutcome> outcomes = new TreeMap<>();
        Validators validators = Validators.read(root, allowlist.base());
        if (validators.ignoredLines() > 0) {
            progress.warn(validators.ignoredLines() + " unreadable line(s) in " + Validators.file(root, allowlist.base())
                    + " were left out: those requests are fetched in full, not conditionally");
        }
        Captures captures;
        try (SourceCalls source = SourceCalls.open(root, allowlist.base(), request.budget().calls(),
                        request.budget().window().multipliedBy(2), clock.millis());
                Archiver archiver = new Archiver(
                        SweepFiles.open(root, request.sweepId(), request.exchangesPerFile(), clock, info), recorder,
                        Archiver.MAX_QUEUED_BYTES);
                fetcher) {
            long now = clock.millis();
            for (long t : source.recentCalls()) {
                budget.countEarlier(Duration.ofMillis(now - t));
            }
            captures = new Captures(request, allowlist, budget, ticker, fetcher, clock, progress, archiver, archived,
                    source, validators);
            List<Integer> districts = districts(captures);
            progress.start(request.sweepId(), districts.size());
            String date = request.date().format(Endpoint.DATE_PARAM);
            for (int districtId : districts) {
                FetchOutcome outcome = FetchOutcome.OK;
                for (Endpoint e : request.endpoints()) {
                    Map<String, String> params = new LinkedHashMap<>();
                    params.put("district_id", Integer.toString(districtId));
                    params.put("date", date);
                    FetchOutcome o = captures.capture(e, params).outcome();
                    if (!o.isCaptured()) {
                        outcome = o;
                    } else if (o == FetchOutcome.EMPTY && outcome == FetchOutcome.OK) {
                        outcome = FetchOutcome.EMPTY;
                    }
                }
                outcomes.put(districtId, outcome);
                progress.districtDone(outcome, captures.calls(), captures.throttled(), captures.waited());
            }
        }
        progress.finish();
        // Only now is every capture of this run in a published file, so only now may the next
        // sweep's conditional requests point at them.
        validators.write(root, allowlist.base());
        return new Result(request.sweepId(), outcomes, captures.calls(), captures.throttled(), captures.retries(),
                captures.skipped(), captures.waited(), captures.notModified());
    }

    private List<Integer> districts(Captures captures) throws IOException, InterruptedException {
        if (!request.districts().isEmpty()) {
            return request.districts();
        }
        Captures.Captured states = captures.capture(Endpoint.STATES, Map.of());
        if (states.body() == null) {
            throw new IOException("the states list could not be fetched from " + allowlist.base() + " (last outcome: "
                    + states.outcome().word() + "); nothing to sweep");
        }
        List<Integer> stateIds = request.states().isEmpty() ? Bodies.ids(states.body(), "states", "state_id") : request.states();
        List<Integer> districts = new ArrayList<>();
        for (int stateId : stateIds) {
            Captures.Captured list = captures.capture(Endpoint.DISTRICTS,
                    Map.of(Endpoint.STATE_ID, Integer.toString(stateId)));
            if (list.body() == null) {
                throw new IOException("the district list of state " + stateId + " could not be fetched (last outcome: "
                        + list.outcome().word() + ")");
            }
            districts.addAll(Bodies.ids(list.body(), "districts", "district_id"));
        }
        return districts;
    }
}
