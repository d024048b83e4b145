package org.vaxslots.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The CDN cache in front of the real API: keyed by the exact path and query string (so
 * {@code date=8-6-21} and {@code date=08-06-2021} are separate entries, tracker #412), fresh for
 * a TTL of simulated time. Only 200s are cached. Bounded by total body bytes; when full it is
 * simply emptied, which costs one regeneration per key and keeps the heap predictable.
 */
final class ResponseCache {
    static final long MAX_BYTES = 96L * 1024 * 1024;

    /** A cached body, when it was generated (simulated time) and its weak ETag. */
    record Entry(ApiResult result, Instant generatedAt, String etag) {
    }

    /** The entry served and whether it came from the cache. */
    record Lookup(Entry entry, boolean hit) {
    }

    private final Duration ttl;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();

    ResponseCache(Duration ttl) {
        this.ttl = ttl;
    }

    Lookup get(String key, Instant now, Supplier<ApiResult> generate) {
        Entry e = entries.get(key);
        if (e != null && Duration.between(e.generatedAt(), now).compareTo(ttl) < 0 && !now.isBefore(e.generatedAt())) {
            return new Lookup(e, true);
        }
        ApiResult r = generate.get();
        Entry fresh = new Entry(r, now, etag(r.body()));
        if (r.cacheable() && !ttl.isZero()) {
            if (bytes.addAndGet(r.body().length) > MAX_BYTES) {
                entries.clear();
                bytes.set(r.body().length);
            }
            entries.put(key, fresh);
        }
        return new Lookup(fresh, false);
    }

    /** Express-style weak validator: W/"length-hash", as clients sent back in If-None-Match. */
    static String etag(byte[] body) {
        long h = 0xcbf29ce484222325L;
        for (byte b : body) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return "W/\"" + Integer.toHexString(body.length) + "-" + Long.toHexString(Mix.mix(h)) + "\"";
    }
}
