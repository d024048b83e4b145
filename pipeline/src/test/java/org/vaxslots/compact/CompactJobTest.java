package org.vaxslots.compact;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * rebuilding only the session dates whose sweeps changed.
 */
class CompactJobTest {
    static final LocalDate DAY = LocalDate.parse("2021-05-16");
    static final String S1 = "00000000-0000-4000-8000-000000000001";
    static final String S5 = "00000000-0000-4000-8000-000000000005";
    /** One per sweep and session: S1 4, S2 4, S4 1, S5 5, S6 4, S7 5. */
    static final long OBSERVATIONS = 23;
    /** S1 4, S2 4 (every sweep a new capacity), S4 1, and S5, S6, S7 2 each (the dose split appears at sweep 2). */
    static final long RUNS = 15;

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
        CompactJob.Result r = CompactJob.run(root, null, null);
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
        CompactJob.run(root, null, null);
        org.vaxslots.testing.Cli.Run r = org.vaxslots.testing.Cli.run("sql", "--data-root", root.root().toString(), "-c",
                "SELECT sum(observations_count) AS n FROM session_history");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.trim().equals(Long.toString(OBSERVATIONS))), r.out());
    }

    @Test
    void compact_derivedTables_columnsAsTheirAvsc() throws Exception {
        DataRoot root = copy("b");
        CompactJob.run(root, null, null);
        for (String table : CompactJob.TABLES) {
            Schema schema = org.vaxslots.schema.Table.named(table).schema();
            List<Object> expected = new ArrayList<>();
            schema.getFields().forEach(f -> expected.add(f.name()));
            List<Object> written = new ArrayList<>();
            for (List<Object> row : Duck.rows("SELECT column_name FROM (DESCRIBE SELECT * FROM read_parquet('"
                    + root.table(table) + "/*/*.parquet'))")) {
                written.add(row.get(0));
            }
            assertEquals(expected, written, table);
        }
    }

    @Test
    void compact_derivedTables_passThePrivacyAudit() throws Exception {
        DataRoot root = copy("e");
        CompactJob.run(root, null, null);
        AuditJob.Result audit = AuditJob.run(root.root());
        assertEquals(List.of(), audit.findings());
        assertEquals(5 * 6 + 1 + 2, audit.files(), "5 sweeps x 6 tables, sweep 3's second fetches file (the 403), 2 derived partitions");
    }

    @Test
    void compact_rebuiltFromScratch_identicalBytes() throws Exception {
        DataRoot root = copy("c");
        CompactJob.run(root, null, null);
        Map<String, String> first = Trees.digests(root.tables());
        for (String table : CompactJob.TABLES) {
            AtomicFiles.deleteTree(root.table(table));
        }
        Files.delete(root.tables().resolve(CompactJob.MANIFEST));
        CompactJob.run(root, null, null);
        assertEquals(first, Trees.digests(root.tables()));
    }

    @Test
    void compact_secondRun_rebuildsOnlyDatesWhoseSweepsChanged() throws Exception {
        DataRoot root = copy("d");
        CompactJob.run(root, null, null);
        CompactJob.Result unchanged = CompactJob.run(root, null, null);
        assertEquals(List.of(), unchanged.rebuilt());
        assertEquals(1, unchanged.kept());

        Path marker = root.normalizedMarker(SweepHistory.sweepId(5));
        Files.writeString(marker, Files.readString(marker) + "\n");
        CompactJob.Result changed = CompactJob.run(root, null, null);
        assertEquals(List.of(DAY), changed.rebuilt(), "a sweep normalized again: its dates are rebuilt");

        CompactJob.Result outOfRange = CompactJob.run(root, DAY.plusDays(1), DAY.plusDays(2));
        assertEquals(List.of(), outOfRange.rebuilt());
        assertEquals(0, outOfRange.kept(), "dates outside the range are not looked at");
    }
}
