package org.vaxslots.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;

/**
 * Simulated time: {@code start + speed * (wall - wallAtStart)}. The wall clock is injectable so
 * tests move time without sleeping; {@link #advance(Duration)} shifts simulated time directly.
 */
public final class SimClock {
    /** Co-WIN dates and times are Indian Standard Time without an offset marker. */
    public static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    /**
     * From its last transition (15 Oct 1945) IST is a fixed UTC+05:30; converting with the offset
     * skips the zone-rule search, which was a quarter of generating a calendar body.
     */
    private static final ZoneOffsetTransition LAST_IST_TRANSITION = lastTransition(IST.getRules());
    private static final LocalDateTime IST_FIXED_FROM = LAST_IST_TRANSITION.getDateTimeAfter();
    private static final ZoneOffset IST_FIXED_OFFSET = LAST_IST_TRANSITION.getOffsetAfter();

    private final Clock wall;
    private final Instant wallAtStart;
    private final Instant start;
    private final double speed;
    private volatile long offsetNanos;

    private static ZoneOffsetTransition lastTransition(ZoneRules rules) {
        List<ZoneOffsetTransition> transitions = rules.getTransitions();
        if (!rules.getTransitionRules().isEmpty() || transitions.isEmpty()) {
            throw new IllegalStateException("the JDK's Asia/Kolkata rules are not a fixed offset since a last transition: "
                    + rules);
        }
        return transitions.get(transitions.size() - 1);
    }

    /** An IST local date-time as an instant; the same as {@code t.atZone(IST).toInstant()}. */
    static Instant ist(LocalDateTime t) {
        if (t.isBefore(IST_FIXED_FROM)) {
            return t.atZone(IST).toInstant();
        }
        return t.toInstant(IST_FIXED_OFFSET);
    }

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
