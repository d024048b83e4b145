package org.vaxslots.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaxslots.model.RateLimit;
import org.vaxslots.raw.RawFiles;
import org.vaxslots.simulator.Faults;
import org.vaxslots.simulator.SimulatorConfig;
import org.vaxslots.simulator.SimulatorServer;
import org.vaxslots.store.DataRoot;

/** The crawler against the in-process simulator on loopback: real HTTP, real WARC files. */
class SnapshotJobTest {
    private static final Instant SIM_START = Instant.parse("2021-05-24T06:30:00Z");
    private static final LocalDate DAY = LocalDate.of(2021, 5, 24);
    /** Kerala's 14 district ids (state 17) in the 14 May 2021 list. */
    private static final int KERALA = 17;
    private static final RetryPolicy FAST = new RetryPolicy(10, Duration.ofMillis(5), Duration.ofMillis(40),
            Duration.ofMillis(300), Duration.ofMillis(1200));

    @TempDir
    Path dir;

    private SimulatorServer simulator(String rateLimit, String faults) {
        return SimulatorServer.start(SimulatorConfig.defaults().withPort(0).withSeed(7).withStart(SIM_START).withSpeed(0)
                .withRateLimit(rateLimit == null ? null : RateLimit.parse(rateLimit)).withFaults(Faults.parse(faults)));
    }

    private SnapshotJob.Result sweep(DataRoot root, SimulatorServer sim, String sweepId, String budget, List<Integer> states,
            List<Integer> districts) throws Exception {
        SnapshotJob.Request request = SnapshotJob.Request.defaults(sim.baseUri().toString(), sweepId, DAY)
                .withBudget(RateLimit.parse(budget)).withScope(states, districts).withRetry(FAST, 10);
        return new SnapshotJob(root, request, Clock.systemUTC(), Budget.Ticker.SYSTEM, Progress.silent()).run();
    }

    /** Response records of a sweep by HTTP status, plus "network_error" metadata records, read independently of jwarc. */
    private static Map<String, Integer> archivedAttempts(DataRoot root, String sweepId) throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        for (Path f : RawFiles.list(root, sweepId)) {
            for (WarcCheck.Record r : WarcCheck.read(f)) {
                if ("response".equals(r.type())) {
                    counts.merge(Integer.toString(WarcCheck.status(r)), 1, Integer::sum);
                } else if ("metadata".equals(r.type())) {
                    counts.merge("network_error", 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    @Test
    void snapshot_budgetEqualToSimulatorLimit_noThrottlingOverSeveralWindows() throws Exception {
        DataRoot root = new DataRoot(dir);
        List<Integer> districts = IntStream.rangeClosed(290, 314).boxed().toList();
        try (SimulatorServer sim = simulator("10/1s", "none")) {
            long started = System.nanoTime();
            SnapshotJob.Result r = sweep(root, sim, "s1", "10/1s", List.of(), districts);
            double seconds = (System.nanoTime() - started) / 1e9;

            assertEquals(0, sim.stats().throttled());
            assertEquals(25, sim.stats().requests());
            assertEquals(25, r.calls());
            assertEquals(25, r.captured());
            assertTrue(seconds >= 2.0, "25 calls at 10/1s need at least two full windows, took " + seconds);
            assertEquals(0, sim.stats().unauthenticated(), "every request was on the allowlist");
        }
    }

    @Test
    void snapshot_throttleStormAnd5xxAndResets_completeSweepAndLedgerMatchesServer() throws Exception {
        DataRoot root = new DataRoot(dir);
        try (SimulatorServer sim = simulator("6/1s", "http500=0.2,http503=0.1,reset=0.05")) {
            SnapshotJob.Result r = sweep(root, sim, "storm", "12/1s", List.of(KERALA), List.of());

            Map<String, Integer> expected = new TreeMap<>();
            expected.put("200", (int) sim.stats().responses("states", 200) + (int) sim.stats().responses("districts", 200)
                    + (int) sim.stats().responses("calendarByDistrict", 200));
            expected.put("403", (int) sim.stats().throttled());
            expected.put("500", (int) sim.stats().fault("http500"));
            expected.put("503", (int) sim.stats().fault("http503"));
            expected.put("network_error", (int) sim.stats().fault("reset"));
            expected.values().removeIf(v -> v == 0);

            assertEquals(14, r.captured(), r.districtOutcomes().toString());
            assertTrue(sim.stats().throttled() > 0 && sim.stats().fault("http500") > 0, sim.stats().toJson());
            assertEquals(expected, archivedAttempts(root, "storm"));
            assertEquals(sim.stats().requests(), r.calls());
            assertEquals(16, expected.get("200"));
        }
    }

    @Test
    void snapshot_rerunOfCapturedSweep_fetchesNothing() throws Exception {
        DataRoot root = new DataRoot(dir);
        try (SimulatorServer sim = simulator(null, "none")) {
            sweep(root, sim, "s", "1000/1s", List.of(KERALA), List.of());
            long before = sim.stats().requests();

            SnapshotJob.Result again = sweep(root, sim, "s", "1000/1s", List.of(KERALA), List.of());

            assertEquals(before, sim.stats().requests());
            assertEquals(0, again.calls());
            assertEquals(16, again.skippedAsArchived());
            assertEquals(14, again.captured());
        }
    }

    @Test
    void snapshot_killedWithSigkillMidSweep_rerunArchivesEveryDistrictExactlyOnce() throws Exception {
        DataRoot root = new DataRoot(dir);
        try (SimulatorServer sim = simulator(null, "latency=1:20ms-20ms")) {
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "org.vaxslots.cli.Main", "snapshot", "--quiet",
                    "--data-root", root.root().toString(), "--source", sim.baseUri().toString(), "--date", "24-05-2021",
                    "--states", "21", "--budget", "1000/1s", "--sweep-id", "k", "--exchanges-per-file", "4")
                    .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (sim.stats().requests() < 15 && child.isAlive() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            child.destroyForcibly().waitFor();
            long beforeRerun = sim.stats().requests();
            assertTrue(beforeRerun >= 15 && beforeRerun < 37, "killed mid-sweep after " + beforeRerun + " requests: "
                    + Files.readString(dir.resolve("child.log")));

            SnapshotJob.Result r = sweep(root, sim, "k", "1000/1s", List.of(21), List.of());

            Map<String, Integer> okPerRequest = new HashMap<>();
            List<String> abandoned = new ArrayList<>();
            try (var files = Files.list(root.rawSweep("k"))) {
                files.filter(p -> p.toString().endsWith(".abandoned")).forEach(p -> abandoned.add(p.getFileName().toString()));
            }
            for (Path f : RawFiles.list(root, "k")) {
                for (WarcCheck.Record rec : WarcCheck.read(f)) {
                    if ("response".equals(rec.type()) && WarcCheck.status(rec) == 200) {
                        okPerRequest.merge(rec.fields().get("WARC-Target-URI"), 1, Integer::sum);
                    }
                }
            }
            assertEquals(35, r.captured());
            assertEquals(37, okPerRequest.size(), "states + districts + 35 calendars");
            assertTrue(okPerRequest.values().stream().allMatch(n -> n == 1), okPerRequest.toString());
            assertTrue(abandoned.size() <= 1, abandoned.toString());
        }
    }

    @Test
    void snapshot_warcFiles_areValidWarcWithLinkedRecordsAndTrueDigests() throws Exception {
        DataRoot root = new DataRoot(dir);
        try (SimulatorServer sim = simulator(null, "none")) {
            sweep(root, sim, "w", "1000/1s", List.of(), List.of(298, 299));
        }
        List<WarcCheck.Record> records = WarcCheck.read(RawFiles.list(root, "w").get(0));

        assertEquals(List.of("warcinfo", "request", "response", "request", "response"),
                records.stream().map(WarcCheck.Record::type).toList());
        // The warcinfo names the format its records are written in.
        String info = new String(records.get(0).block(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(info.contains("format: WARC File Format 1.0\r\n"), info);
        assertTrue(records.stream().allMatch(r -> r.version().equals("WARC/1.0")));
        for (int i = 1; i < records.size(); i += 2) {
            WarcCheck.Record request = records.get(i);
            WarcCheck.Record response = records.get(i + 1);
            assertEquals(request.fields().get("WARC-Record-ID"), response.fields().get("WARC-Concurrent-To"));
            assertTrue(new String(request.block(), java.nio.charset.StandardCharsets.ISO_8859_1)
                    .startsWith("GET /api/v2/appointment/sessions/public/calendarByDistrict?district_id=29"));
            byte[] block = response.block();
            int bodyStart = new String(block, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf("\r\n\r\n") + 4;
            byte[] payload = java.util.Arrays.copyOfRange(block, bodyStart, block.length);
            String digest = response.fields().get("WARC-Payload-Digest");
            assertTrue(digest.startsWith("sha256:"), digest);
            assertEquals("sha256:" + base32(MessageDigest.getInstance("SHA-256").digest(payload)), digest.replace("=", ""));
        }
    }

    /** RFC 4648 base32 without padding (WARC digests are written with or without it). */
    private static String base32(byte[] bytes) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(alphabet.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(alphabet.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }
}
