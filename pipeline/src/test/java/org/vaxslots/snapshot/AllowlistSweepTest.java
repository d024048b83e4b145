package org.vaxslots.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaxslots.model.Endpoint;
import org.vaxslots.model.RateLimit;
import org.vaxslots.simulator.Faults;
import org.vaxslots.simulator.SimulatorConfig;
import org.vaxslots.simulator.SimulatorServer;
import org.vaxslots.store.DataRoot;

/**
 * Privacy at the wire: a realistic sweep (every district of two states, every endpoint the crawler
 * can be asked for, with faults and throttling) and then the simulator's own record of what it was
 * asked. Every request was for an allowlisted public path, none for a protected one.
 */
class AllowlistSweepTest {
    @TempDir
    Path dir;

    @Test
    void snapshot_realisticSweepOfEveryEndpoint_everyRequestTheServerSawIsOnTheAllowlist() throws Exception {
        List<Endpoint> perDistrict = List.of(Endpoint.CALENDAR_BY_DISTRICT, Endpoint.FIND_BY_DISTRICT);
        RetryPolicy fast = new RetryPolicy(10, Duration.ofMillis(5), Duration.ofMillis(40), Duration.ofMillis(300),
                Duration.ofMillis(1200));
        try (SimulatorServer sim = SimulatorServer.start(SimulatorConfig.defaults().withPort(0).withSeed(3)
                .withStart(Instant.parse("2021-06-05T04:30:00Z")).withSpeed(0).withRateLimit(RateLimit.parse("40/1s"))
                .withFaults(Faults.parse("http503=0.05,reset=0.02")))) {
            SnapshotJob.Request request = SnapshotJob.Request.defaults(sim.baseUri().toString(), "privacy", LocalDate.of(2021, 6, 5))
                    .withBudget(RateLimit.parse("60/1s")).withScope(List.of(17, 10), List.of()).withEndpoints(perDistrict)
                    .withRetry(fast);
            new SnapshotJob(new DataRoot(dir.resolve("data")), request, Clock.systemUTC(), Budget.Ticker.SYSTEM,
                    Progress.silent()).run();

            JsonNode stats = new ObjectMapper().readTree(sim.stats().toJson());
            Set<String> paths = new TreeSet<>();
            stats.path("by_path").fieldNames().forEachRemaining(paths::add);
            long answered = 0;
            for (JsonNode byStatus : stats.path("by_path")) {
                for (JsonNode n : byStatus) {
                    answered += n.asLong();
                }
            }
            Set<String> allowlisted = new TreeSet<>();
            Arrays.stream(Endpoint.values()).filter(e -> e != Endpoint.UNKNOWN).forEach(e -> allowlisted.add(e.apiName()));

            assertEquals(Set.of("states", "districts", "calendarByDistrict", "findByDistrict"), paths);
            assertEquals(true, allowlisted.containsAll(paths), paths + " within " + allowlisted);
            assertEquals(0, sim.stats().unauthenticated(), "no request for a protected (auth, certificate, booking) path");
            assertEquals(0, sim.stats().blockedUserAgent());
            assertEquals(sim.stats().requests(), answered + sim.stats().fault("reset"),
                    "every request is accounted for by an allowlisted path or a reset: " + stats);
        }
    }
}
