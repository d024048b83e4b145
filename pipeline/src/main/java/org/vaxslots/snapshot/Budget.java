package org.vaxslots.snapshot;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import org.vaxslots.model.RateLimit;

/**
 * The call budget of one source over a sliding window: at most N calls in any window of the
 * given length (plus a margin of 1%, at least 50 ms), retries included. {@link #acquire} waits until a call is allowed, so the budget
 * is never exceeded.
 */
final class Budget {
    /** Time as the budget sees it; tests may give their own. */
    interface Ticker {
        long nanos();

        void sleep(Duration d) throws InterruptedException;

        Ticker SYSTEM = new Ticker() {
            @Override
            public long nanos() {
                return System.nanoTime();
            }

            @Override
            public void sleep(Duration d) throws InterruptedException {
                Thread.sleep(Math.max(1, d.toMillis()));
            }
        };
    }

    private final int calls;
    private final long windowNanos;
    private final Ticker ticker;
    private final Deque<Long> sent = new ArrayDeque<>();

    Budget(RateLimit limit, Ticker ticker) {
        this.calls = limit.calls();
        // A margin of 1% (at least 50 ms) on top of counting each call from when its answer came back
        // (see answered()): the server counts a call when it arrives, which is somewhere in between.
        this.windowNanos = limit.window().toNanos() + Math.max(50_000_000L, limit.window().toNanos() / 100);
        this.ticker = ticker;
    }

    /**
     * Moves the last call's time to now, when its answer came back. The server saw it at some
     * instant between sending and answering; counting from the later one means a slow first
     * request (a cold connection, a stall) can never make the next window start too early.
     */
    void answered() {
        if (!sent.isEmpty()) {
            sent.pollLast();
            sent.addLast(ticker.nanos());
        }
    }

    /**
     * Counts a call made before this budget existed, by an earlier run of the same source,
     * {@code ago} before now. Calls are given oldest first.
     */
    void countEarlier(Duration ago) {
        sent.addLast(ticker.nanos() - ago.toNanos());
    }

    /** Blocks until a call fits in the window, records it, and returns how long it waited. */
    Duration acquire() throws InterruptedException {
        long start = ticker.nanos();
        while (true) {
            long now = ticker.nanos();
            while (!sent.isEmpty() && now - sent.peekFirst() >= windowNanos) {
                sent.pollFirst();
            }
            if (sent.size() < calls) {
                sent.addLast(now);
                return Duration.ofNanos(now - start);
            }
            ticker.sleep(Duration.ofNanos(windowNanos - (now - sent.peekFirst()) + 1_000_000));
        }
    }
}
