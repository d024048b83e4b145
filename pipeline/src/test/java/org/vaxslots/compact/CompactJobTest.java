package org.vaxslots.compact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaxslots.audit.AuditJob;
import org.vaxslots.store.AtomicFiles;
import org.vaxslots.store.DataRoot;
import org.vaxslots.testing.DemoRoot;
import org.vaxslots.testing.Duck;
import org.vaxslots.testing.Trees;
import org.vaxslots.testing.SweepHistory;

/**
 * The derived tables over the hand-built history of {@link SweepHistory}: the change-only rows
 * worked out by hand, their columns against data-schema/tables/*.avsc, byte-identical rebuilds, and
 * sweeps appended one by one (in order, out of order, normalized again, removed, after a stopped
 * run) giving the same bytes, manifest included, as a build from scratch.
 */
class CompactJobTest {
    static final LocalDate DAY = LocalDate.parse("2021-05-16");
    static final String S1 = "00000000-0000-4000-8000-000000000001";
    static final String S5 = "00000000-0000-4000-8000-000000000005";
    /** One per sweep and session: S1 4, S2 4, S4 1, S5 5, S6 4, S7 5. */
    static final long OBSERVATIONS = 23;
    /** S1 4, S2 4 (every sweep a new capacity), S4 1, and S5, S6, S7 2 each (the dose split appears at sweep 2). */
    static final long RUNS = 15;

    static final List<String> TABLES = org.vaxslots.schema.Table.derived().stream().map(org.vaxslots.schema.Table::tableName).toList();

    @TempDir
    Path dir;

    DataRoot copy(String name) throws Exception {
        DataRoot root = new DataRoot(dir.resolve(name));
        DemoRoot.copyTree(SweepHistory.shared().root(), root.root());
        return root;
    }

    @Test
    void compact_handBuiltHistory_oneRowPerRunOfUnchangedObservations() throws Exception {
        DataRoot root = copy("a");
        CompactJob.Result r = CompactJob.run(root);
        assertEquals(List.of(DAY), r.rebuilt());
        assertEquals(Map.of("session_history", RUNS, "sweep_district_sessions", 19L), r.rowsWritten(),
                "sweep_district_sessions: 5 district-age groups in sweep 1 (Rohtak 45+ only then), 4 in sweeps 2, 4, 5,"
                        + " 2 in sweep 3 (Rohtak throttled, Jaipur II a 403 page)");
        String history = Duck.table(root.root(), "session_history");
        assertEquals(OBSERVATIONS, Duck.count("SELECT sum(observations_count) FROM " + history));
        // S1: 0 (s1, no dose split), 10 (s2), throttled (s3), 4 (s4), 0 (s5): four runs, previous capacity chained.
        assertEquals(List.of(List.of(1, 0, "s1", "s1", 1), List.of(2, 10, "s2", "s2", 1), List.of(3, 4, "s4", "s4", 1),
                List.of(4, 0, "s5", "s5", 1)), Duck.rows("SELECT run_number, available_capacity, valid_from_sweep_id, valid_to_sweep_id,"
                + " observations_count FROM " + history + " WHERE session_id = '" + S1 + "' ORDER BY run_number"));
        assertEquals(List.of(List.of(3, 10), List.of(0, 4)), Duck.rows("SELECT available_capacity_dose1, previous_capacity FROM "
                + history + " WHERE session_id = '" + S1 + "' AND run_number IN (3, 4) ORDER BY run_number"));
        // S5: 20 in every sweep; the dose split appears at sweep 2, a change of listing: two runs, 1 + 4 observations.
        assertEquals(List.of(Arrays.asList(1, null, "s1", "s1", 1), List.of(2, 20, "s2", "s5", 4)), Duck.rows("SELECT run_number,"
                + " available_capacity_dose1, valid_from_sweep_id, valid_to_sweep_id, observations_count FROM " + history
                + " WHERE session_id = '" + S5 + "' ORDER BY run_number"));
    }

    @Test
    void compact_thenSqlCommand_queriesTheDerivedTablesByName() throws Exception {
        DataRoot root = copy("sql");
        CompactJob.run(root);
        org.vaxslots.testing.Cli.Run r = org.vaxslots.testing.Cli.run("sql", "--data-root", root.root().toString(), "-c",
                "SELECT sum(observations_count) AS n FROM session_history");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.trim().equals(Long.toString(OBSERVATIONS))), r.out());
    }

    @Test
    void compactCommand_notATerminal_summaryAndOneProgressLine() throws Exception {
        DataRoot root = copy("cli");
        org.vaxslots.testing.Cli.Run r = org.vaxslots.testing.Cli.run("compact", "--data-root", root.root().toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals("compact: 0 sweep(s) appended, 1 session date(s) rebuilt, 0 sweep(s) up to date, 0 removed;"
                + " rows written {session_history=" + RUNS + ", sweep_district_sessions=19}\n", r.out());
        assertTrue(r.err().matches("compact: 5 sweeps in \\d+\\.\\d s \\(\\d+ sweeps/s\\)\n"), r.err());
        org.vaxslots.testing.Cli.Run again = org.vaxslots.testing.Cli.run("compact", "--data-root", root.root().toString());
        assertEquals("compact: 0 sweep(s) appended, 0 session date(s) rebuilt, 5 sweep(s) up to date, 0 removed;"
                + " rows written {}\n", again.out());
        assertEquals("", again.err(), "nothing to do: no progress line");
    }

    @Test
    void compact_derivedTables_columnsAsTheirAvsc() throws Exception {
        DataRoot root = copy("b");
        CompactJob.run(root);
        for (String table : TABLES) {
            Schema schema = org.vaxslots.schema.Table.named(table).schema();
            List<Object> expected = new ArrayList<>();
            schema.getFields().forEach(f -> expected.add(f.name()));
            List<Object> written = new ArrayList<>();
            for (List<Object> row : Duck.rows("SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet('"
                    + root.table(table) + "/**/*.parquet'))")) {
                written.add(row.get(0));
            }
            assertEquals(expected, written, table);
        }
    }

    @Test
    void compact_derivedTables_passThePrivacyAudit() throws Exception {
        DataRoot root = copy("e");
        CompactJob.run(root);
        AuditJob.Result audit = AuditJob.run(root.root());
        assertEquals(List.of(), audit.findings());
        assertEquals(5 * 6 + 1 + 5 + 1 + 3, audit.files(), "5 sweeps x 6 tables, sweep 3's second fetches file (the 403);"
                + " sweep_district_sessions: one per sweep; session_history: the open runs of 16 May, and the runs closed by"
                + " sweeps 2 (S1, S2 new capacities, S5, S6, S7 dose split), 4 and 5 (S1, S2)");
    }

    @Test
    void compact_rebuiltFromScratch_identicalBytes() throws Exception {
        DataRoot root = copy("c");
        CompactJob.run(root);
        Map<String, String> first = Trees.digests(root.tables());
        assertEquals(first, fromScratch(root));
    }

    @Test
    void compact_secondRun_writesNothing() throws Exception {
        DataRoot root = copy("d");
        CompactJob.run(root);
        Map<String, String> before = Trees.digests(root.tables());
        CompactJob.Result unchanged = CompactJob.run(root);
        assertEquals(new CompactJob.Result(List.of(), List.of(), List.of(), SweepHistory.SWEEPS, Map.of()), unchanged);
        assertEquals(before, Trees.digests(root.tables()));
    }

    @Test
    void compact_sweepsAddedInOrder_appendedAndIdenticalToFromScratch() throws Exception {
        DataRoot root = copy("in-order");
        hideMarkers(root, 2, 3, 4, 5);
        assertEquals(List.of(DAY), CompactJob.run(root).rebuilt(), "the first sweep: built from scratch");
        for (int sweep = 2; sweep <= SweepHistory.SWEEPS; sweep++) {
            showMarker(root, sweep);
            CompactJob.Result r = CompactJob.run(root);
            assertEquals(List.of(SweepHistory.sweepId(sweep)), r.appended(), "sweep " + sweep);
            assertEquals(List.of(), r.rebuilt(), "sweep " + sweep);
        }
        Map<String, String> incremental = Trees.digests(root.tables());
        assertEquals(incremental, fromScratch(root));
    }

    @Test
    void compact_sweepsOutOfOrder_datesRebuiltAndIdenticalToFromScratch() throws Exception {
        DataRoot root = copy("out-of-order");
        hideMarkers(root, 2, 3, 4, 5);
        CompactJob.run(root);
        for (int sweep : new int[] {3, 5}) {
            showMarker(root, sweep);
            assertEquals(List.of(SweepHistory.sweepId(sweep)), CompactJob.run(root).appended());
        }
        for (int sweep : new int[] {2, 4}) {
            showMarker(root, sweep);
            CompactJob.Result r = CompactJob.run(root);
            assertEquals(List.of(), r.appended(), "sweep " + sweep + " comes before sweep 5's observations");
            assertEquals(List.of(DAY), r.rebuilt(), "sweep " + sweep);
        }
        Map<String, String> incremental = Trees.digests(root.tables());
        assertEquals(incremental, fromScratch(root));
    }

    @Test
    void compact_sweepNormalizedAgain_datesRebuiltAndIdenticalToFromScratch() throws Exception {
        DataRoot root = copy("renormalized");
        CompactJob.run(root);
        Path marker = root.normalizedMarker(SweepHistory.sweepId(3));
        Files.writeString(marker, Files.readString(marker) + "\n");
        assertOneSweepsDatesRebuilt(root, "a sweep normalized again: its dates are rebuilt");
    }

    @Test
    void compact_sessionsPartitionPublishedAgain_markerUntouched_datesRebuilt() throws Exception {
        DataRoot root = copy("republished");
        CompactJob.run(root);
        // As normalize publishes: a new partition directory renamed over the old one. The marker is
        // left alone here, so only the partition's own modification time tells the remembered inputs are stale.
        Path partition = root.tablePartition("sessions", SweepHistory.sweepId(3));
        Path staged = root.tmp().resolve("staged-sessions");
        java.nio.file.attribute.FileTime before = Files.getLastModifiedTime(partition);
        DemoRoot.copyTree(partition, staged);
        AtomicFiles.deleteTree(partition);
        Files.move(staged, partition);
        // A clock of coarse resolution could give the new directory the old one's time: it is set apart.
        Files.setLastModifiedTime(partition, java.nio.file.attribute.FileTime.fromMillis(before.toMillis() + 1_000));
        assertOneSweepsDatesRebuilt(root, "sweep 3's sessions files are new: its dates are rebuilt");
    }

    /** The next run after one sweep changed: its dates rebuilt, the others kept, the bytes of a build from scratch. */
    private static void assertOneSweepsDatesRebuilt(DataRoot root, String why) throws Exception {
        CompactJob.Result r = CompactJob.run(root);
        assertEquals(List.of(DAY), r.rebuilt(), why);
        assertEquals(SweepHistory.SWEEPS - 1, r.kept());
        Map<String, String> incremental = Trees.digests(root.tables());
        assertEquals(incremental, fromScratch(root));
    }

    @Test
    void compact_rememberedInputs_oneLinePerSweep_damagedOrGoneWorkedOutAgain() throws Exception {
        DataRoot root = copy("remembered");
        CompactJob.run(root);
        List<String> lines = Files.readAllLines(root.compactInputs());
        assertEquals(SweepHistory.SWEEPS, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(0).startsWith(SweepHistory.sweepId(1) + "\t"), lines.get(0));
        String manifest = Files.readString(root.compactManifest());
        CompactJob.Result nothingNew = new CompactJob.Result(List.of(), List.of(), List.of(), SweepHistory.SWEEPS, Map.of());

        Files.writeString(root.compactInputs(), "garbage\n" + lines.get(0).replace("\t", " ") + "\n");
        assertEquals(nothingNew, CompactJob.run(root), "a damaged file: every sweep worked out again, the same digests");
        assertEquals(lines, Files.readAllLines(root.compactInputs()));
        Files.delete(root.compactInputs());
        assertEquals(nothingNew, CompactJob.run(root), "no file");
        assertEquals(lines, Files.readAllLines(root.compactInputs()));
        assertEquals(manifest, Files.readString(root.compactManifest()));

        Files.delete(root.normalizedMarker(SweepHistory.sweepId(4)));
        CompactJob.run(root);
        assertEquals(SweepHistory.SWEEPS - 1, Files.readAllLines(root.compactInputs()).size(), "a removed sweep's line goes");
    }

    @Test
    void compact_sweepRemoved_itsPartitionsGoneAndIdenticalToFromScratch() throws Exception {
        DataRoot root = copy("removed");
        CompactJob.run(root);
        Files.delete(root.normalizedMarker(SweepHistory.sweepId(4)));
        CompactJob.Result r = CompactJob.run(root);
        assertEquals(List.of(SweepHistory.sweepId(4)), r.removed());
        assertEquals(List.of(DAY), r.rebuilt());
        assertFalse(Files.exists(root.tablePartition("sweep_district_sessions", SweepHistory.sweepId(4))));
        assertFalse(Files.exists(root.closedRunsPartition(SweepHistory.sweepId(4))));
        Map<String, String> incremental = Trees.digests(root.tables());
        assertEquals(incremental, fromScratch(root));
    }

    /** Compacts all but sweep 5, then sweep 5 appended; returns the manifest from before sweep 5 and the append's result. */
    private Map.Entry<String, CompactJob.Result> sweep5Appended(DataRoot root) throws Exception {
        hideMarkers(root, 5);
        CompactJob.run(root);
        String beforeSweep5 = Files.readString(root.compactManifest());
        showMarker(root, 5);
        return Map.entry(beforeSweep5, CompactJob.run(root));
    }

    @Test
    void compact_runStoppedAfterWriting_nextRunRebuildsItsDates() throws Exception {
        DataRoot root = copy("stopped");
        String beforeSweep5 = sweep5Appended(root).getKey();
        assertTrue(beforeSweep5.contains("\"dirtyDates\" : [ ]"), beforeSweep5);
        // As a run of vaxslots before the pending file, killed after writing sweep 5's partitions, left it:
        // the manifest names the dates being rewritten.
        Files.writeString(root.compactManifest(), beforeSweep5.replace("\"dirtyDates\" : [ ]", "\"dirtyDates\" : [ \"" + DAY + "\" ]"));
        CompactJob.Result r = CompactJob.run(root);
        assertEquals(List.of(), r.appended());
        assertEquals(List.of(DAY), r.rebuilt());
        Map<String, String> recovered = Trees.digests(root.tables());
        assertEquals(recovered, fromScratch(root));
    }

    @Test
    void compact_killedBeforeTheManifestNamedTheSweep_pendingDatesRebuilt_andAnOrphanRemoved() throws Exception {
        DataRoot root = copy("pending");
        Map.Entry<String, CompactJob.Result> run = sweep5Appended(root);
        String beforeSweep5 = run.getKey();
        assertEquals(List.of(SweepHistory.sweepId(5)), run.getValue().appended());
        assertFalse(Files.exists(root.compactPending()), "a run that finished leaves nothing pending");
        assertTrue(Files.exists(root.closedRunsPartition(SweepHistory.sweepId(5))));
        // As a run killed after writing sweep 5's partitions leaves it: the old manifest, and its dates pending.
        Files.writeString(root.compactManifest(), beforeSweep5);
        Files.writeString(root.compactPending(), "[ \"" + DAY + "\" ]");
        // ... and sweep 5 is gone before the next run: its partitions are nobody's.
        hideMarkers(root, 5);
        CompactJob.Result r = CompactJob.run(root);
        assertEquals(List.of(DAY), r.rebuilt());
        assertFalse(Files.exists(root.closedRunsPartition(SweepHistory.sweepId(5))), "orphan removed");
        assertFalse(Files.exists(root.tablePartition("sweep_district_sessions", SweepHistory.sweepId(5))));
        assertFalse(Files.exists(root.compactPending()));
        Map<String, String> recovered = Trees.digests(root.tables());
        assertEquals(recovered, fromScratch(root));
    }

    /** The tables after deleting the derived ones and compacting all sweeps at once. */
    private static Map<String, String> fromScratch(DataRoot root) throws Exception {
        for (String table : TABLES) {
            AtomicFiles.deleteTree(root.table(table));
        }
        Files.delete(root.compactManifest());
        CompactJob.run(root);
        return Trees.digests(root.tables());
    }

    private void hideMarkers(DataRoot root, int... sweeps) throws Exception {
        Files.createDirectories(root.root().resolveSibling(root.root().getFileName() + "-hidden"));
        for (int sweep : sweeps) {
            Files.move(root.normalizedMarker(SweepHistory.sweepId(sweep)), hidden(root, sweep));
        }
    }

    private void showMarker(DataRoot root, int sweep) throws Exception {
        Files.move(hidden(root, sweep), root.normalizedMarker(SweepHistory.sweepId(sweep)));
    }

    private static Path hidden(DataRoot root, int sweep) {
        return root.root().resolveSibling(root.root().getFileName() + "-hidden").resolve(SweepHistory.sweepId(sweep) + ".json");
    }
}
