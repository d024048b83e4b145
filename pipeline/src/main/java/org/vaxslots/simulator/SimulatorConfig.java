package org.vaxslots.simulator;

import org.vaxslots.model.RateLimit;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Everything a simulator run depends on. With the same config (and, for a moving clock, the same
 * elapsed time) two runs serve byte-identical bodies.
 *
 * @param port       TCP port on 127.0.0.1; 0 picks a free one
 * @param seed       seeds the supply model and the fault draws
 * @param start      simulated instant at server start
 * @param speed      simulated seconds per real second; 0 freezes the clock
 * @param rateLimit  per-client sliding-window limit; null means unlimited
 * @param lockout    extra block after a client goes over the limit (real time); ZERO for none
 * @param requireBrowserUserAgent answer 403 to clients without a browser-like User-Agent
 * @param cacheTtl   how long (simulated time) a response stays cached per exact query string
 * @param faults     fault injection rates
 * @param replayDir  directory of recorded responses served instead of the model; null for none
 */
public record SimulatorConfig(int port, long seed, Instant start, double speed, RateLimit rateLimit,
                              Duration lockout, boolean requireBrowserUserAgent, Duration cacheTtl,
                              Faults faults, Path replayDir) {

    public SimulatorConfig {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(lockout, "lockout");
        Objects.requireNonNull(cacheTtl, "cacheTtl");
        Objects.requireNonNull(faults, "faults");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 0..65535");
        }
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a finite number >= 0, got " + speed);
        }
        if (lockout.isNegative() || cacheTtl.isNegative()) {
            throw new IllegalArgumentException("lockout and cacheTtl must not be negative");
        }
    }

    /**
     * Ephemeral port, seed 1, now, real-time speed, the Co-WIN limit of 100 calls per 5 minutes,
     * no lock-out, browser User-Agent required, 5-minute cache (the Sep 2021 spec), no faults.
     */
    public static SimulatorConfig defaults() {
        return new SimulatorConfig(0, 1L, Instant.now(), 1.0, RateLimit.coWinDefault(), Duration.ZERO,
                true, Duration.ofMinutes(5), Faults.none(), null);
    }

    public SimulatorConfig withPort(int p) {
        return new SimulatorConfig(p, seed, start, speed, rateLimit, lockout, requireBrowserUserAgent, cacheTtl, faults, replayDir);
    }

    public SimulatorConfig withSeed(long s) {
        return new SimulatorConfig(port, s, start, speed, rateLimit, lockout, requireBrowserUserAgent, cacheTtl, faults, replayDir);
    }

    public SimulatorConfig withStart(Instant s) {
        return new SimulatorConfig(port, seed, s, speed, rateLimit, lockout, requireBrowserUserAgent, cacheTtl, faults, replayDir);
    }

    public SimulatorConfig withSpeed(double s) {
        return new SimulatorConfig(port, seed, start, s, rateLimit, lockout, requireBrowserUserAgent, cacheTtl, faults, replayDir);
    }

    public SimulatorConfig withRateLimit(RateLimit r) {
        return new SimulatorConfig(port, seed, start, speed, r, lockout, requireBrowserUserAgent, cacheTtl, faults, replayDir);
    }

    public SimulatorConfig withLockout(Duration l) {
        return new SimulatorConfig(port, seed, start, speed, rateLimit, l, requireBrowserUserAgent, cacheTtl, faults, replayDir);
    }

    public SimulatorConfig withRequireBrowserUserAgent(boolean b) {
        return new SimulatorConfig(port, seed, start, speed, rateLimit, lockout, b, cacheTtl, faults, replayDir);
    }

    public SimulatorConfig withCacheTtl(Duration t) {
        return new SimulatorConfig(port, seed, start, speed, rateLimit, lockout, requireBrowserUserAgent, t, faults, replayDir);
    }

    public SimulatorConfig withFaults(Faults f) {
        return new SimulatorConfig(port, seed, start, speed, rateLimit, lockout, requireBrowserUserAgent, cacheTtl, f, replayDir);
    }

    public SimulatorConfig withReplayDir(Path d) {
        return new SimulatorConfig(port, seed, start, speed, rateLimit, lockout, requireBrowserUserAgent, cacheTtl, faults, d);
    }
}
