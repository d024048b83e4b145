package org.vaxslots.snapshot;

import java.time.Duration;
import java.util.SplittableRandom;

/**
 * How long to wait before the next try. 5xx, resets and timeouts: capped exponential backoff with
 * full jitter, a bounded number of tries. Throttling (403, 429): a long cool-down that doubles up
 * to a cap, and resets after a success.
 */
public record RetryPolicy(int maxTries, Duration backoffBase, Duration backoffCap, Duration cooldown, Duration cooldownCap) {

    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofSeconds(2), Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofHours(1));
    }

    /** Backoff before try {@code nextTry} (2, 3, …). */
    Duration backoff(int nextTry, SplittableRandom random) {
        long cap = Math.min(backoffCap.toMillis(), backoffBase.toMillis() << Math.min(20, nextTry - 2));
        return Duration.ofMillis(cap / 2 + random.nextLong(cap / 2 + 1));
    }

    /** Cool-down after the {@code n}th throttled answer in a row (1, 2, …). */
    Duration cooldown(int n) {
        long ms = cooldown.toMillis() << Math.min(20, n - 1);
        return Duration.ofMillis(Math.min(ms, cooldownCap.toMillis()));
    }
}
