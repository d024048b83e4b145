package org.vaxslots.snapshot;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.vaxslots.model.Endpoint;
import org.vaxslots.model.FetchOutcome;
import org.vaxslots.raw.RawHeaders;

/**
 * The requests of one sweep, each until it is captured or given up, politely: every attempt waits
 * for the budget, is checked against the allowlist, counted in the source's call log and handed to
 * the archive, in order. Throttling (403, 429) cools down; 5xx, resets and invalid bodies back off
 * with jitter. A request the sweep already captured is not fetched again, and a per-district
 * request carries If-None-Match with the ETag of the source's last full capture.
 */
final class Captures {
    /** A call throttled this many times in a row is given up for this sweep. */
    static final int MAX_THROTTLES_PER_CALL = 8;

    /** How a request ended, and the decoded body of a captured state or district list (the sweep reads only those). */
    record Captured(FetchOutcome outcome, byte[] body) {}

    private final SnapshotJob.Request request;
    private final Allowlist allowlist;
    private final Budget budget;
    private final Budget.Ticker ticker;
    private final Fetcher fetcher;
    private final Clock clock;
    private final Progress progress;
    private final Archiver archiver;
    private final ArchivedSweep archived;
    private final SourceCalls sourceCalls;
    private final Validators validators;
    private final SplittableRandom jitter;
    private long calls;
    private long throttled;
    private long retries;
    private long skipped;
    private long notModified;
    private Duration waited = Duration.ZERO;

    Captures(SnapshotJob.Request request, Allowlist allowlist, Budget budget, Budget.Ticker ticker, Fetcher fetcher,
            Clock clock, Progress progress, Archiver archiver, ArchivedSweep archived, SourceCalls sourceCalls,
            Validators validators) {
        this.request = request;
        this.allowlist = allowlist;
        this.budget = budget;
        this.ticker = ticker;
        this.fetcher = fetcher;
        this.clock = clock;
        this.progress = progress;
        this.archiver = archiver;
        this.archived = archived;
        this.sourceCalls = sourceCalls;
        this.validators = validators;
        this.jitter = new SplittableRandom(request.sweepId().hashCode());
    }

    private static boolean isList(Endpoint e) {
        return e == Endpoint.STATES || e == Endpoint.DISTRICTS;
    }

    /** One request until it is captured or given up; every attempt is handed to the archive, in order. */
    Captured capture(Endpoint endpoint, Map<String, String> params) throws IOException, InterruptedException {
        String query = Endpoint.query(params);
        String key = ArchivedSweep.key(endpoint.apiName(), query);
        if (archived.has(key)) {
            skipped++;
            return new Captured(FetchOutcome.OK, archived.body(key));
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
            FetchOutcome outcome = unchanged ? prior.outcome()
                    : FetchOutcome.ofStatus(x.status()).orElseGet(() -> Bodies.outcome(x));
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put(RawHeaders.SWEEP_ID, request.sweepId());
            fields.put(RawHeaders.ENDPOINT, endpoint.apiName());
            fields.put(RawHeaders.PARAMS, query);
            fields.put(RawHeaders.ATTEMPT, Integer.toString(tries + throttles + 1));
            if (x.status() != null) {
                fields.put(RawHeaders.OUTCOME, outcome.word());
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
            if (outcome.isCaptured()) {
                String etag = x.header("ETag");
                if (!isList(endpoint) && Validators.usable(etag)) {
                    validators.captured(key, new Validators.Entry(etag, request.sweepId(), outcome, x.startedAt(), uri));
                }
                // A gzip body was inflated once for its outcome; only a list is inflated again, to be read.
                return new Captured(outcome, isList(endpoint) ? Bodies.decoded(x) : null);
            }
            if (outcome == FetchOutcome.THROTTLED) {
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
            boolean retryable = x.isRetryable() || outcome == FetchOutcome.INVALID_BODY;
            tries++;
            if (!retryable || tries >= request.retry().maxTries()) {
                return new Captured(outcome, null);
            }
            retries++;
            ticker.sleep(request.retry().backoff(tries + 1, jitter));
        }
    }

    long calls() {
        return calls;
    }

    long throttled() {
        return throttled;
    }

    long retries() {
        return retries;
    }

    /** Requests not fetched because the sweep had captured them already. */
    long skipped() {
        return skipped;
    }

    /** Conditional requests answered 304. */
    long notModified() {
        return notModified;
    }

    Duration waited() {
        return waited;
    }
}
