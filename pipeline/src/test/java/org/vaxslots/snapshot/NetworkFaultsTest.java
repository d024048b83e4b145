package org.vaxslots.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaxslots.cli.Main;
import org.vaxslots.model.RateLimit;
import org.vaxslots.raw.RawFiles;
import org.vaxslots.simulator.Faults;
import org.vaxslots.simulator.SimulatorConfig;
import org.vaxslots.simulator.SimulatorServer;
import org.vaxslots.store.DataRoot;
import org.vaxslots.testing.Duck;

/**
 * The network, all at once: 30% of requests answered 5xx (500, 502, 503), 5% reset, 30%
 * slowed by 20-120 ms, and a crawler whose budget is twice the simulator's limit, so every
 * window ends in a storm of CloudFront 403s in the middle of the sweep. The sweep captures every
 * district of two states; the normalized ledger (the fetches table) matches the simulator's own
 * counts exactly; and the request instants in the archive never put more calls in one window
 * than the budget allows. The sweep runs in a fresh JVM ({@link FaultySweep}), as the CLI does, so
 * no JVM-wide HTTP state of other tests can hide a request from the ledger (java.net.http, which
 * the crawler used before, silently re-sent a GET after a reset: this test caught it).
 */
class NetworkFaultsTest {
    private static final Instant SIM_START = Instant.parse("2021-05-24T06:30:00Z");
    private static final String FAULTS = "latency=0.3:20ms-120ms,http500=0.15,http502=0.05,http503=0.1,reset=0.05";
    private static final int BUDGET_CALLS = 30;
    private static final Duration WINDOW = Duration.ofSeconds(1);
    /** Kerala (14) and Maharashtra (35). */
    private static final List<Integer> STATES = List.of(17, 21);
    private static final int DISTRICTS = 49;
    /** Request instants are taken just after the budget grants a call: this much later at most. */
    private static final Duration GRANT_TO_SEND = Duration.ofMillis(3);

    @TempDir
    Path dir;

    @Test
    void snapshot_5xxResetsSlowAnd403Storm_everyDistrictCapturedLedgerExactAndBudgetKept() throws Exception {
        DataRoot root = new DataRoot(dir.resolve("data"));
        try (SimulatorServer sim = SimulatorServer.start(SimulatorConfig.defaults().withPort(0).withSeed(11).withStart(SIM_START)
                .withSpeed(0).withRateLimit(RateLimit.parse((BUDGET_CALLS / 2) + "/1s")).withFaults(Faults.parse(FAULTS)))) {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), FaultySweep.class.getName(), root.root().toString(),
                    sim.baseUri().toString(), BUDGET_CALLS + "/1s", "faults"));
            STATES.forEach(s -> cmd.add(Integer.toString(s)));
            Process child = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(0, child.waitFor(), out);
            long captured = Long.parseLong(out.lines().filter(l -> l.matches("\\d+")).findFirst().orElseThrow());
            assertEquals(0, Main.execute("normalize", "--data-root", root.root().toString()));

            Map<String, Long> server = new TreeMap<>();
            for (String endpoint : List.of("states", "districts", "calendarByDistrict")) {
                for (int status : List.of(200, 403, 500, 502, 503)) {
                    server.put(endpoint + " " + status, sim.stats().responses(endpoint, status));
                }
            }
            server.put("network_error", sim.stats().fault("reset"));
            server.values().removeIf(v -> v == 0);
            Map<String, Long> ledger = new TreeMap<>();
            for (List<Object> row : Duck.rows("SELECT endpoint, http_status, outcome, count(*) FROM "
                    + Duck.table(root.root(), "fetches") + " GROUP BY ALL")) {
                String key = row.get(1) == null ? (String) row.get(2) : row.get(0) + " " + row.get(1);
                ledger.merge(key, (Long) row.get(3), Long::sum);
            }
            Map<String, Integer> types = new TreeMap<>();
            for (Path f : RawFiles.list(root, "faults")) {
                for (WarcCheck.Record rec : WarcCheck.read(f)) {
                    types.merge(rec.type(), 1, Integer::sum);
                }
            }
            String stats = sim.stats().toJson() + " archive " + types + "\n" + out;

            assertEquals(DISTRICTS, captured, stats);
            assertEquals(server, ledger, stats);
            assertEquals(sim.stats().requests(), ledger.values().stream().mapToLong(Long::longValue).sum());
            assertTrue(sim.stats().throttled() >= 5 && sim.stats().fault("http500") >= 5 && sim.stats().fault("reset") >= 1
                    && sim.stats().fault("latency") >= 5, "the faults really happened: " + stats);
            List<Instant> sent = requestInstants(root);
            assertEquals(sim.stats().requests(), sent.size());
            assertBudgetKept(sent);
            System.out.println("NetworkFaultsTest: " + sim.stats().requests() + " requests, " + sim.stats().throttled()
                    + " throttled, " + (sim.stats().fault("http500") + sim.stats().fault("http502") + sim.stats().fault("http503"))
                    + " 5xx, " + sim.stats().fault("reset") + " resets, " + sim.stats().fault("latency") + " slowed; "
                    + captured + "/" + DISTRICTS + " districts captured");
        }
    }

    /** The WARC-Date of every request record, in order. */
    private static List<Instant> requestInstants(DataRoot root) throws Exception {
        List<Instant> out = new ArrayList<>();
        for (Path f : RawFiles.list(root, "faults")) {
            for (WarcCheck.Record rec : WarcCheck.read(f)) {
                if ("request".equals(rec.type())) {
                    out.add(Instant.parse(rec.fields().get("WARC-Date")));
                }
            }
        }
        out.sort(null);
        return out;
    }

    /** No BUDGET_CALLS + 1 requests within one window (less the grant-to-send slack). */
    private static void assertBudgetKept(List<Instant> sent) {
        for (int i = 0; i + BUDGET_CALLS < sent.size(); i++) {
            Duration span = Duration.between(sent.get(i), sent.get(i + BUDGET_CALLS));
            assertTrue(span.compareTo(WINDOW.minus(GRANT_TO_SEND)) >= 0,
                    "requests " + i + ".." + (i + BUDGET_CALLS) + " within " + span + ", over the budget of " + BUDGET_CALLS
                            + "/" + WINDOW);
        }
    }
}
