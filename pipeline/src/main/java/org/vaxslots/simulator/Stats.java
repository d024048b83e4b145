package org.vaxslots.simulator;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters served at {@code GET /__simulator/stats}. {@code requests} counts every request under
 * /api; {@code throttled} the 403s from the rate limit; {@code blocked_user_agent} the 403s for a
 * non-browser User-Agent; {@code unauthenticated} the 401s on protected paths; per endpoint and
 * status; one counter per injected fault (drift also per kind, e.g. {@code drift_retyped}); and
 * {@code first_request_ms}/{@code last_request_ms}, when the first and the last /api request
 * arrived (wall clock, epoch milliseconds; 0 before any), the span a client's call rate is seen over.
 */
public final class Stats {
    private final LongAdder requests = new LongAdder();
    private final AtomicLong firstRequestMillis = new AtomicLong();
    private final AtomicLong lastRequestMillis = new AtomicLong();
    private final LongAdder throttled = new LongAdder();
    private final LongAdder blockedUserAgent = new LongAdder();
    private final LongAdder unauthenticated = new LongAdder();
    private final LongAdder cacheHits = new LongAdder();
    private final LongAdder notModified = new LongAdder();
    private final LongAdder replayed = new LongAdder();
    private final Map<String, LongAdder> byPathStatus = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> byStatus = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> faults = new ConcurrentHashMap<>();

    void countRequest(long wallMillis) {
        requests.increment();
        firstRequestMillis.compareAndSet(0, wallMillis);
        lastRequestMillis.accumulateAndGet(wallMillis, Math::max);
    }

    void countThrottled() {
        throttled.increment();
    }

    void countBlockedUserAgent() {
        blockedUserAgent.increment();
    }

    void countUnauthenticated() {
        unauthenticated.increment();
    }

    void countCacheHit() {
        cacheHits.increment();
    }

    void countNotModified() {
        notModified.increment();
    }

    void countReplayed() {
        replayed.increment();
    }

    void countFault(String name) {
        faults.computeIfAbsent(name, k -> new LongAdder()).increment();
    }

    void countResponse(String endpoint, int status) {
        byPathStatus.computeIfAbsent(endpoint + " " + status, k -> new LongAdder()).increment();
        byStatus.computeIfAbsent(Integer.toString(status), k -> new LongAdder()).increment();
    }

    public long requests() {
        return requests.sum();
    }

    public long throttled() {
        return throttled.sum();
    }

    public long blockedUserAgent() {
        return blockedUserAgent.sum();
    }

    public long unauthenticated() {
        return unauthenticated.sum();
    }

    public long cacheHits() {
        return cacheHits.sum();
    }

    public long notModified() {
        return notModified.sum();
    }

    public long replayed() {
        return replayed.sum();
    }

    /** Injected faults of one knob name ("http500", "reset", "drift", "drift_missing", ...). */
    public long fault(String name) {
        LongAdder a = faults.get(name);
        return a == null ? 0 : a.sum();
    }

    /** Responses of one endpoint (last path segment, "districts" or "unknown") with one status. */
    public long responses(String endpoint, int status) {
        LongAdder a = byPathStatus.get(endpoint + " " + status);
        return a == null ? 0 : a.sum();
    }

    /** Stable (sorted) JSON rendering of every counter. */
    public String toJson() {
        Map<String, Map<String, Long>> paths = new TreeMap<>();
        byPathStatus.forEach((k, v) -> {
            int sp = k.lastIndexOf(' ');
            paths.computeIfAbsent(k.substring(0, sp), x -> new TreeMap<>()).put(k.substring(sp + 1), v.sum());
        });
        StringBuilder sb = new StringBuilder(512).append('{')
                .append("\"requests\":").append(requests())
                .append(",\"throttled\":").append(throttled())
                .append(",\"blocked_user_agent\":").append(blockedUserAgent())
                .append(",\"unauthenticated\":").append(unauthenticated())
                .append(",\"cache_hits\":").append(cacheHits())
                .append(",\"not_modified\":").append(notModified())
                .append(",\"replayed\":").append(replayed())
                .append(",\"first_request_ms\":").append(firstRequestMillis.get())
                .append(",\"last_request_ms\":").append(lastRequestMillis.get())
                .append(",\"by_status\":");
        counts(sb, byStatus);
        sb.append(",\"by_path\":{");
        boolean first = true;
        for (Map.Entry<String, Map<String, Long>> e : paths.entrySet()) {
            ResponseBodies.str(sb.append(first ? "" : ","), e.getKey()).append(":{");
            first = false;
            boolean f2 = true;
            for (Map.Entry<String, Long> s : e.getValue().entrySet()) {
                sb.append(f2 ? "" : ",").append('"').append(s.getKey()).append("\":").append(s.getValue());
                f2 = false;
            }
            sb.append('}');
        }
        sb.append("},\"faults\":");
        counts(sb, faults);
        return sb.append('}').toString();
    }

    private static void counts(StringBuilder sb, Map<String, LongAdder> m) {
        sb.append('{');
        boolean first = true;
        for (Map.Entry<String, LongAdder> e : new TreeMap<>(m).entrySet()) {
            ResponseBodies.str(sb.append(first ? "" : ","), e.getKey()).append(':').append(e.getValue().sum());
            first = false;
        }
        sb.append('}');
    }
}
