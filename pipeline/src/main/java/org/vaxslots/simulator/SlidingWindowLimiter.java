package org.vaxslots.simulator;

import org.vaxslots.model.RateLimit;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-client sliding-window limit on real (wall) time: a call is admitted when fewer than
 * {@code calls} admitted calls of that client fall inside the last {@code window}. Refused calls
 * are not remembered, so a client that keeps polling while blocked is let back in as soon as the
 * window slides; an optional lock-out extends the block from the moment the limit was hit.
 */
final class SlidingWindowLimiter {
    private final RateLimit limit;
    private final long lockoutMillis;
    private final Clock wall;
    private final Map<String, Client> clients = new ConcurrentHashMap<>();

    private static final class Client {
        final ArrayDeque<Long> admitted = new ArrayDeque<>();
        long lockedUntil = Long.MIN_VALUE;
    }

    SlidingWindowLimiter(RateLimit limit, Duration lockout, Clock wall) {
        this.limit = limit;
        this.lockoutMillis = lockout.toMillis();
        this.wall = wall;
    }

    /** True if the call is admitted (and recorded). */
    boolean admit(String clientAddress) {
        if (limit == null) {
            return true;
        }
        long now = wall.millis();
        long windowStart = now - limit.window().toMillis();
        Client c = clients.computeIfAbsent(clientAddress, k -> new Client());
        synchronized (c) {
            if (now < c.lockedUntil) {
                return false;
            }
            while (!c.admitted.isEmpty() && c.admitted.peekFirst() <= windowStart) {
                c.admitted.pollFirst();
            }
            if (c.admitted.size() < limit.calls()) {
                c.admitted.addLast(now);
                return true;
            }
            if (lockoutMillis > 0) {
                c.lockedUntil = now + lockoutMillis;
            }
            return false;
        }
    }
}
