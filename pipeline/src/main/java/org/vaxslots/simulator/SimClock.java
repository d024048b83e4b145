package org.vaxslots.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * Simulated time: {@code start + speed * (wall - wallAtStart)}. The wall clock is injectable so
 * tests move time without sleeping; {@link #advance(Duration)} shifts simulated time directly.
 */
public final class SimClock {
    /** Co-WIN dates and times are Indian Standard Time without an offset marker. */
    public static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    private final Clock wall;
    private final Instant wallAtStart;
    private final Instant start;
    private final double speed;
    private volatile long offsetNanos;

    SimClock(Clock wall, Instant start, double speed) {
        this.wall = wall;
        this.wallAtStart = wall.instant();
        this.start = start;
        this.speed = speed;
    }

    public Instant now() {
        long elapsed = Duration.between(wallAtStart, wall.instant()).toNanos();
        return start.plusNanos((long) (elapsed * speed) + offsetNanos);
    }

    public double speed() {
        return speed;
    }

    /** Moves simulated time forward (or back, if negative) independently of the speed. */
    public synchronized void advance(Duration d) {
        offsetNanos += d.toNanos();
    }

    /** The real-time clock the rate limiter and lock-out use. */
    public Clock wall() {
        return wall;
    }
}
