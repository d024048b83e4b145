package org.vaxslots.cli;

import org.vaxslots.model.Durations;
import org.vaxslots.model.RateLimit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.vaxslots.simulator.Faults;

import org.vaxslots.simulator.SimulatorConfig;
import org.vaxslots.simulator.SimulatorServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Serve a Co-WIN-compatible public API on 127.0.0.1: the real shapes of each era, a",
                "deterministic supply model, the published rate limit answered with CloudFront 403",
                "pages, cache headers and injectable faults. Runs until interrupted (Ctrl-C).",
                "Counters: GET /__simulator/stats."})
final class SimulateCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8080", description = "Port on 127.0.0.1 (0 = any free one; default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the supply model (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--start", paramLabel = "INSTANT", description = "Simulated start time, e.g. 2021-05-24T06:30:00Z (default: now).")
    String start;

    @Option(names = "--speed", defaultValue = "1", description = "Simulated seconds per real second; 0 stands still (default ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--rate-limit", paramLabel = "N/DURATION", defaultValue = "100/5m",
            description = "Calls per sliding window per client address, or 'none' (default ${DEFAULT-VALUE}).")
    String rateLimit;

    @Option(names = "--lockout", paramLabel = "DURATION", description = "Keep a client blocked this long once over the limit, e.g. 10m.")
    String lockout;

    @Option(names = "--allow-any-user-agent", description = "Do not answer 403 to clients without a browser-like User-Agent.")
    boolean anyUserAgent;

    @Option(names = "--cache-ttl", paramLabel = "DURATION", defaultValue = "5m", description = "Response cache time (default ${DEFAULT-VALUE}).")
    String cacheTtl;

    @Option(names = "--fault", paramLabel = "SPEC", defaultValue = "none",
            description = "Fault rates, e.g. latency=0.1:50ms-200ms,http500=0.05,reset=0.01,truncated=0.01,"
                    + "invalid_json=0.01,empty=0.02,drift=0.01 (also http502, http503).")
    String fault;

    @Option(names = "--replay", paramLabel = "DIR", description = "Serve recorded responses from DIR for matching requests.")
    Path replay;

    @Override
    public Integer call() throws Exception {
        if (replay != null && !Files.isDirectory(replay)) {
            throw new IllegalArgumentException("--replay " + replay + " is not a directory");
        }
        SimulatorConfig config = SimulatorConfig.defaults()
                .withPort(port).withSeed(seed)
                .withStart(start == null ? Instant.now() : OffsetDateTime.parse(start).toInstant())
                .withSpeed(speed)
                .withRateLimit(rateLimit.equalsIgnoreCase("none") ? null : RateLimit.parse(rateLimit))
                .withLockout(lockout == null ? Duration.ZERO : parseDuration(lockout))
                .withRequireBrowserUserAgent(!anyUserAgent)
                .withCacheTtl(parseDuration(cacheTtl))
                .withFaults(Faults.parse(fault))
                .withReplayDir(replay);
        CountDownLatch stopped = new CountDownLatch(1);
        try (SimulatorServer server = SimulatorServer.start(config)) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
            System.out.println("Co-WIN simulator at " + server.baseUri() + " (stats: http://127.0.0.1:" + server.port()
                    + "/__simulator/stats); Ctrl-C stops it");
            stopped.await();
        }
        return 0;
    }

    /** "90s", "5m", "1h", "500ms": the same units as --rate-limit. */
    static Duration parseDuration(String s) {
        return Durations.parse(s);
    }
}
