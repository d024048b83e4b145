package org.vaxslots.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaxslots.model.RateLimit;
import org.vaxslots.raw.RawFiles;
import org.vaxslots.raw.RawHeaders;
import org.vaxslots.simulator.Faults;
import org.vaxslots.simulator.SimulatorConfig;
import org.vaxslots.simulator.SimulatorServer;
import org.vaxslots.store.AtomicFiles;
import org.vaxslots.store.DataRoot;
import org.vaxslots.testing.Cli;
import org.vaxslots.testing.Duck;

/**
 * Conditional requests end to end: the second sweep of an unchanged source sends If-None-Match,
 * archives each 304 as a revisit record naming the capture it repeats, and normalize turns those
 * into the same observations, as of the second sweep.
 */
class ConditionalRequestsTest {
    private static final LocalDate DAY = LocalDate.of(2021, 5, 24);
    private static final int KERALA = 17;

    @TempDir
    Path dir;

    private static SimulatorServer frozenSimulator() {
        // speed 0: the simulated clock stands still, so nothing changes between the two sweeps
        return SimulatorServer.start(SimulatorConfig.defaults().withPort(0).withSeed(7)
                .withStart(Instant.parse("2021-05-24T06:30:00Z")).withSpeed(0).withRateLimit(null)
                .withFaults(Faults.parse("none")));
    }

    private static SnapshotJob.Result sweep(DataRoot root, SimulatorServer sim, String id, boolean conditional)
            throws Exception {
        SnapshotJob.Request request = SnapshotJob.Request.defaults(sim.baseUri().toString(), id, DAY)
                .withBudget(RateLimit.parse("1000/1s")).withScope(List.of(KERALA), List.of()).withConditional(conditional);
        return new SnapshotJob(root, request, Clock.systemUTC(), Budget.Ticker.SYSTEM, Progress.silent()).run();
    }

    private static List<WarcCheck.Record> records(DataRoot root, String sweep) throws Exception {
        List<WarcCheck.Record> out = new ArrayList<>();
        for (Path f : RawFiles.list(root, sweep)) {
            out.addAll(WarcCheck.read(f));
        }
        return out;
    }

    @Test
    void unchangedSource_secondSweepGets304s_archivedAsRevisits_normalizedToTheSameSessions() throws Exception {
        DataRoot root = new DataRoot(dir);
        try (SimulatorServer sim = frozenSimulator()) {
            SnapshotJob.Result first = sweep(root, sim, "a", true);
            SnapshotJob.Result second = sweep(root, sim, "b", true);

            assertEquals(0, first.notModified());
            assertEquals(14, second.notModified(), "every district unchanged");
            assertEquals(14, sim.stats().notModified());
            assertEquals(14, second.captured());
        }

        java.util.Map<String, String> capturedAt = new java.util.HashMap<>();
        for (WarcCheck.Record r : records(root, "a")) {
            if ("response".equals(r.type())) {
                capturedAt.put(r.fields().get("WARC-Target-URI"), r.fields().get("WARC-Date"));
            }
        }
        List<WarcCheck.Record> b = records(root, "b");
        List<WarcCheck.Record> revisits = b.stream().filter(r -> "revisit".equals(r.type())).toList();
        assertEquals(14, revisits.size());
        for (WarcCheck.Record r : revisits) {
            assertEquals("http://netpreserve.org/warc/1.1/revisit/server-not-modified", r.fields().get("WARC-Profile"));
            assertEquals("a", r.fields().get(RawHeaders.REFERS_TO_SWEEP));
            assertEquals(r.fields().get("WARC-Target-URI"), r.fields().get("WARC-Refers-To-Target-URI"));
            assertEquals(capturedAt.get(r.fields().get("WARC-Target-URI")), r.fields().get("WARC-Refers-To-Date"),
                    "names the WARC-Date of the capture it repeats");
            assertEquals(304, WarcCheck.status(r));
        }
        long conditional = b.stream().filter(r -> "request".equals(r.type()))
                .filter(r -> new String(r.block(), StandardCharsets.ISO_8859_1).contains("If-None-Match: W/\"")).count();
        assertEquals(14, conditional, "each district request carried the ETag of sweep a's capture");
        assertFalse(records(root, "a").stream().anyMatch(r -> "request".equals(r.type())
                && new String(r.block(), StandardCharsets.ISO_8859_1).contains("If-None-Match")), "nothing to ask about yet");

        Cli.Run normalize = Cli.run("normalize", "--data-root", dir.toString());
        assertEquals(0, normalize.exit(), normalize.err());
        String sessions = Duck.table(dir, "sessions");
        String fetches = Duck.table(dir, "fetches");
        String observation = "session_id, center_id, session_date, age_group, vaccine, available_capacity,"
                + " available_capacity_dose1, available_capacity_dose2, slots";
        long inA = Duck.count("SELECT count(*) FROM " + sessions + " WHERE sweep_id = 'a'");
        assertTrue(inA > 100, "sweep a has sessions: " + inA);
        assertEquals(inA, Duck.count("SELECT count(*) FROM " + sessions + " WHERE sweep_id = 'b'"));
        assertEquals(0, Duck.count("SELECT count(*) FROM ((SELECT " + observation + " FROM " + sessions
                + " WHERE sweep_id = 'a' EXCEPT ALL SELECT " + observation + " FROM " + sessions + " WHERE sweep_id = 'b')"
                + " UNION ALL (SELECT " + observation + " FROM " + sessions + " WHERE sweep_id = 'b' EXCEPT ALL SELECT "
                + observation + " FROM " + sessions + " WHERE sweep_id = 'a'))"));
        assertEquals(List.of(List.of(304, "ok", 14L)), Duck.rows("SELECT http_status, outcome, count(*) FROM " + fetches
                + " WHERE sweep_id = 'b' AND endpoint = 'calendarByDistrict' GROUP BY ALL"));
        assertEquals(0, Duck.count("SELECT count(*) FROM " + Duck.table(dir, "rejects")));
    }

    @Test
    void noConditional_sendsNoValidator() throws Exception {
        DataRoot root = new DataRoot(dir);
        try (SimulatorServer sim = frozenSimulator()) {
            sweep(root, sim, "a", true);
            SnapshotJob.Result second = sweep(root, sim, "b", false);
            assertEquals(0, second.notModified());
            assertEquals(0, sim.stats().notModified());
        }
        assertFalse(records(root, "b").stream().anyMatch(r -> "revisit".equals(r.type())));
    }

    @Test
    void revisitWhoseCaptureIsGone_isAnHttpErrorWithAReject_notSilence() throws Exception {
        DataRoot root = new DataRoot(dir);
        try (SimulatorServer sim = frozenSimulator()) {
            sweep(root, sim, "a", true);
            sweep(root, sim, "b", true);
        }
        AtomicFiles.deleteTree(root.rawSweep("a")); // raw is never deleted by vaxslots; a user might

        Cli.Run normalize = Cli.run("normalize", "--data-root", dir.toString());
        assertEquals(0, normalize.exit(), normalize.err());
        assertEquals(List.of(List.of("http_error", 14L)), Duck.rows("SELECT outcome, count(*) FROM "
                + Duck.table(dir, "fetches") + " WHERE sweep_id = 'b' AND endpoint = 'calendarByDistrict' GROUP BY ALL"));
        assertEquals(14, Duck.count("SELECT count(*) FROM " + Duck.table(dir, "rejects")
                + " WHERE reason_code = 'unresolved_revisit'"
                + " AND reason LIKE '%whose capture is not in the raw files of sweep a%'"));
    }
}
