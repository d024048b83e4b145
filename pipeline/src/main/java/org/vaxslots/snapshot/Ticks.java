package org.vaxslots.snapshot;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.vaxslots.model.Durations;

/**
 * The ticks of {@code snapshot --every}: instants aligned to the interval since the epoch (every
 * 15 minutes is :00, :15, :30 and :45 UTC), so a restarted loop keeps the same cadence and each
 * sweep's id names its tick. Read on the clock it is given and waited for by the sleeper it is
 * given: a test runs a day of ticks without waiting.
 */
public final class Ticks {
    /** Waits until the clock reads at least the instant. */
    public interface Sleeper {
        void sleepUntil(Instant t) throws InterruptedException;
    }

    private final Duration interval;
    private final Clock clock;
    private final Sleeper sleeper;

    /** @throws IllegalArgumentException for an interval under one second */
    public Ticks(Duration interval, Clock clock, Sleeper sleeper) {
        if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("--every must be at least 1s (a sweep id names its tick to the second),"
                    + " was " + Durations.format(interval));
        }
        this.interval = interval;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Thread.sleep until the clock reads the instant (a wakeup early by the clock is slept again). */
    public static Sleeper sleepingOn(Clock clock) {
        return t -> {
            long left;
            while ((left = t.toEpochMilli() - clock.millis()) > 0) {
                Thread.sleep(left);
            }
        };
    }

    /** The first tick after now: a sweep that ran past its interval skips the ticks it overran. */
    public Instant next() {
        long ms = interval.toMillis();
        return Instant.ofEpochMilli((clock.millis() / ms + 1) * ms);
    }

    /** Waits for the next tick and returns it. */
    public Instant awaitNext() throws InterruptedException {
        Instant tick = next();
        sleeper.sleepUntil(tick);
        return tick;
    }
}
