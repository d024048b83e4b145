package org.vaxslots.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ticks of --every, on fixed clocks: aligned to the interval, strictly after now. */
class TicksTest {
    private static final Duration QUARTER = Duration.ofMinutes(15);

    private static Ticks at(String now, List<Instant> slept) {
        return new Ticks(QUARTER, Clock.fixed(Instant.parse(now), ZoneOffset.UTC), slept::add);
    }

    @Test
    void next_betweenTicks_isTheNextAlignedOne() {
        assertEquals(Instant.parse("2021-05-24T06:45:00Z"), at("2021-05-24T06:31:10Z", new ArrayList<>()).next());
    }

    @Test
    void next_onATick_isTheOneAfter() {
        assertEquals(Instant.parse("2021-05-24T06:45:00Z"), at("2021-05-24T06:30:00Z", new ArrayList<>()).next());
    }

    @Test
    void next_afterASweepOverranTwoTicks_skipsThem() {
        assertEquals(Instant.parse("2021-05-24T07:15:00Z"), at("2021-05-24T07:03:00Z", new ArrayList<>()).next());
    }

    @Test
    void awaitNext_sleepsUntilTheTickAndReturnsIt() throws Exception {
        List<Instant> slept = new ArrayList<>();

        Instant tick = at("2021-05-24T06:44:59.999Z", slept).awaitNext();

        assertEquals(Instant.parse("2021-05-24T06:45:00Z"), tick);
        assertEquals(List.of(tick), slept);
    }

    @Test
    void interval_underASecond_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Ticks(Duration.ofMillis(999), Clock.systemUTC(), t -> { }));
        assertEquals("--every must be at least 1s (a sweep id names its tick to the second), was 999ms", e.getMessage());
    }
}
