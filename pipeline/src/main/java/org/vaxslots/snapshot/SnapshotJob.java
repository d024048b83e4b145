package org.vaxslots.snapshot;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.vaxslots.model.Endpoint;
import org.vaxslots.model.RateLimit;
import org.vaxslots.ingest.ImportJob;
import org.vaxslots.raw.RawHeaders;
import org.vaxslots.store.DataRoot;
import org.vaxslots.store.SweepIds;

/**
 * One sweep: states, then each state's districts, then the chosen endpoints for each district,
 * every attempt archived as WARC. Polite (one budget per source, never exceeded, that also counts
 * the calls of earlier runs inside the window; one sweep per source at a time; throttling cools down),
 * resumable (what a sweep already captured is not fetched again), and honest about gaps: a
 * district that still fails is recorded as failed and the sweep goes on.
 */
public final class SnapshotJob {
    /** A call throttled this many times in a row is given up for this sweep. */
    static final int MAX_THROTTLES_PER_CALL = 8;
    private static final DateTimeFormatter API_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

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

    /** Per district: the outcome of its last attempt for each endpoint ("ok", "empty", "throttled", …). */
    public record Result(String sweepId, Map<Integer, String> districtOutcomes, long calls, long throttled,
            long retries, long skippedAsArchived, Duration waitedForBudget, long notModified) {

        public long captured() {
            return districtOutcomes.values().stream().filter(o -> o.equals("ok") || o.equals("empty")).count();
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
    private final SplittableRandom jitter;
    private long calls;
    private long throttled;
    private long retries;
    private long skipped;
    private Duration waited = Duration.ZERO;
    private SourceCalls sourceCalls;
    private Validators validators;
    private long notModified;

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
        this.jitter = new SplittableRandom(request.sweepId().hashCode());
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
        Map<Integer, String> outcomes = new TreeMap<>();
        validators = Validators.read(root, allowlist.base());
        if (validators.ignoredLines() > 0) {
            progress.warn(validators.ignoredLines() + " unreadable line(s) in " + Validators.file(root, allowlist.base())
                    + " were left out: those requests are fetched in full, not conditionally");
        }
        try (SourceCalls source = SourceCalls.open(root, allowlist.base(), request.budget().calls(),
                        request.budget().window().multipliedBy(2), clock.millis());
                Archiver archiver = new Archiver(
                        SweepFiles.open(root, request.sweepId(), request.exchangesPerFile(), clock, info), recorder,
                        Archiver.MAX_QUEUED_BYTES);
                fetcher) {
            sourceCalls = source;
            long now = clock.millis();
            for (long t : source.recentCalls()) {
                budget.countEarlier(Duration.ofMillis(now - t));
            }
            List<Integer> districts = districts(archiver, archived);
            progress.start(request.sweepId(), districts.size());
            String date = request.date().format(API_DATE);
            for (int districtId : districts) {
                String outcome = "ok";
                for (Endpoint e : request.endpoints()) {
                    Map<String, String> params = new LinkedHashMap<>();
                    params.put("district_id", Integer.toString(districtId));
                    params.put("date", date);
                    String o = capture(archiver, archived, e, params).outcome;
                    if (!o.equals("ok") && !o.equals("empty")) {
                        outcome = o;
                    } else if (o.equals("empty") && outcome.equals("ok")) {
                        outcome = "empty";
                    }
                }
                outcomes.put(districtId, outcome);
                progress.districtDone(outcome, calls, throttled, waited);
            }
        }
        progress.finish();
        // Only now is every capture of this run in a published file, so only now may the next
        // sweep's conditional requests point at them.
        validators.write(root, allowlist.base());
        return new Result(request.sweepId(), outcomes, calls, throttled, retries, skipped, waited, notModified);
    }

    private List<Integer> districts(Archiver archiver, ArchivedSweep archived) throws IOException, InterruptedException {
        if (!request.districts().isEmpty()) {
            return request.districts();
        }
        Captured states = capture(archiver, archived, Endpoint.STATES, Map.of());
        if (states.body == null) {
            throw new IOException("the states list could not be fetched from " + allowlist.base() + " (last outcome: "
                    + states.outcome + "); nothing to sweep");
        }
        List<Integer> stateIds = request.states().isEmpty() ? Bodies.ids(states.body, "states", "state_id") : request.states();
        List<Integer> districts = new ArrayList<>();
        for (int stateId : stateIds) {
            Captured list = capture(archiver, archived, Endpoint.DISTRICTS, Map.of("state_id", Integer.toString(stateId)));
            if (list.body == null) {
                throw new IOException("the district list of state " + stateId + " could not be fetched (last outcome: "
                        + list.outcome + ")");
            }
            districts.addAll(Bodies.ids(list.body, "districts", "district_id"));
        }
        return districts;
    }

    /** How a request ended, and the decoded body of a captured state or district list (the sweep reads only those). */
    private record Captured(String outcome, byte[] body) {}

    private static boolean isList(Endpoint e) {
        return e == Endpoint.STATES || e == Endpoint.DISTRICTS;
    }

    /** One request until it is captured or given up; every attempt is handed to the archive, in order. */
    private Captured capture(Archiver archiver, ArchivedSweep archived, Endpoint endpoint, Map<String, String> params)
            throws IOException, InterruptedException {
        String query = ImportJob.query(params);
        String key = ArchivedSweep.key(endpoint.apiName(), query);
        if (archived.has(key)) {
            skipped++;
            return new Captured("ok", archived.body(key));
        }
        URI uri = allowlist.uri(endpoint, params);
        // The state and district lists are always fetched whole: the sweep needs their bodies.
        Validators.Entry prior = request.conditional() && !isList(endpoint)
                ? validators.get(key).orElse(null) : null;
        Map<String, String> conditional = prior == null ? Map.of() : Map.of("If-None-Match", prior.etag());
        int tries = 0;
        int throttles = 0;
        while (true) {
            Duration w = budget.acquire();
            waited = waited.plus(w);
            progress.waited(w);
            allowlist.check(uri);
            Exchange x = fetcher.get(uri, conditional);
            budget.answered();
            sourceCalls.record(clock.millis());
            calls++;
            boolean unchanged = prior != null && x.status() != null && x.status() == 304;
            String outcome = unchanged ? prior.outcome() : x.isOk() ? Bodies.outcome(x) : x.isThrottled() ? "throttled"
                    : x.status() == null ? "network_error" : "http_error";
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put(RawHeaders.SWEEP_ID, request.sweepId());
            fields.put(RawHeaders.ENDPOINT, endpoint.apiName());
            fields.put(RawHeaders.PARAMS, query);
            fields.put(RawHeaders.ATTEMPT, Integer.toString(tries + throttles + 1));
            if (x.status() != null) {
                fields.put(RawHeaders.OUTCOME, outcome);
            }
            if (unchanged) {
                fields.put(RawHeaders.REFERS_TO_SWEEP, prior.sweepId());
                // As the referenced record's own WARC-Date reads: jwarc writes whole seconds.
                fields.put("WARC-Refers-To-Date", prior.date().truncatedTo(ChronoUnit.SECONDS).toString());
            }
            archiver.archive(x, fields);
            if (unchanged) {
                notModified++;
                return new Captured(outcome, null);
            }
            if (outcome.equals("ok") || outcome.equals("empty")) {
                String etag = x.header("ETag");
                if (!isList(endpoint) && Validators.usable(etag)) {
                    validators.captured(key, new Validators.Entry(etag, request.sweepId(), outcome, x.startedAt(), uri));
                }
                // A gzip body was inflated once for its outcome; only a list is inflated again, to be read.
                return new Captured(outcome, isList(endpoint) ? Bodies.decoded(x) : null);
            }
            if (x.isThrottled()) {
                throttled++;
                throttles++;
                if (throttles >= MAX_THROTTLES_PER_CALL) {
                    return new Captured(outcome, null);
                }
                Duration cool = request.retry().cooldown(throttles);
                progress.coolingDown(cool);
                ticker.sleep(cool);
                continue;
            }
            boolean retryable = x.isRetryable() || outcome.equals("invalid_body");
            tries++;
            if (!retryable || tries >= request.retry().maxTries()) {
                return new Captured(outcome, null);
            }
            retries++;
            ticker.sleep(request.retry().backoff(tries + 1, jitter));
        }
    }
}
