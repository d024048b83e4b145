package org.vaxslots.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaxslots.ingest.ImportJob;
import org.vaxslots.raw.RawFiles;
import org.vaxslots.schema.Table;
import org.vaxslots.store.DataRoot;
import org.vaxslots.testing.DemoRoot;
import org.vaxslots.testing.Samples;
import org.vaxslots.testing.Trees;

/**
 * A sweep of many raw files is normalized a slice (raw file) at a time, in parallel: its tables
 * hold the same rows, in the same order, as the same records in one raw file, and each slice with
 * rows has its own part file.
 */
class NormalizeSlicesTest {
    private static final Instant AS_OF = Instant.parse("2021-05-24T04:00:00Z");
    private static final String SWEEP = "sliced";
    private static final int RESPONSES = 14;
    private static final long SESSIONS = 1235;

    @TempDir
    static Path dir;
    static DataRoot sliced;
    static DataRoot whole;
    static DataRoot grouped;
    static NormalizeJob.Summary slicedRun;
    static NormalizeJob.Summary wholeRun;
    static NormalizeJob.Summary groupedRun;

    @BeforeAll
    static void normalizeOneSweepBothWays() throws Exception {
        Path in = Samples.writeTo(dir.resolve("in"), Samples.availabilityNames());
        String kollam = new String(Samples.bytes(Samples.availabilityNames().get(1)), StandardCharsets.UTF_8);
        Files.writeString(in.resolve("calendarByDistrict_298-truncated_2021-05-16.json"),
                kollam.substring(0, kollam.length() / 2));
        Files.writeString(in.resolve("calendarByDistrict_298-fractional_2021-05-16.json"), kollam
                .replaceFirst("\"available_capacity\":\\s*0", "\"available_capacity\": 0.7000000000000028")
                .replace("\"available_capacity_dose2\": 2", "\"available_capacity_dose2\": -1"));
        sliced = new DataRoot(dir.resolve("sliced"));
        // Each import adds a raw file to the sweep: one per response.
        List<Path> responses;
        try (Stream<Path> files = Files.list(in)) {
            responses = files.sorted().toList();
        }
        for (Path response : responses) {
            ImportJob.run(sliced, new ImportJob.Request(SWEEP, AS_OF, null, Map.of(), List.of(response)), AS_OF, w -> { });
        }
        whole = new DataRoot(dir.resolve("whole"));
        concatenate(RawFiles.list(sliced, SWEEP), whole.rawSweep(SWEEP).resolve(
                RawFiles.list(sliced, SWEEP).get(0).getFileName()));

        grouped = new DataRoot(dir.resolve("grouped"));
        DemoRoot.copyTree(sliced.rawSweep(SWEEP), grouped.rawSweep(SWEEP));

        // One raw file per unit of work, as normalize schedules the files of a big archive; and
        // runs of several small files per unit, as it schedules a sweep of small ones (the default).
        slicedRun = normalize(sliced, "--unitBytes=1");
        wholeRun = normalize(whole);
        long bytes = RawFiles.list(grouped, SWEEP).stream().mapToLong(p -> p.toFile().length()).sum();
        groupedRun = normalize(grouped, "--unitBytes=" + bytes / 4);
    }

    /** WARC.gz files are gzip members one after another: their concatenation is one valid file of the same records. */
    private static void concatenate(List<Path> files, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try (OutputStream out = Files.newOutputStream(to)) {
            for (Path f : files) {
                Files.copy(f, out);
            }
        }
    }

    private static NormalizeJob.Summary normalize(DataRoot root, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of("--dataRoot=" + root.root(), "--rebuild=true"));
        args.addAll(List.of(more));
        return NormalizeJob.run(PipelineOptionsFactory.fromArgs(args.toArray(String[]::new)).as(NormalizeOptions.class));
    }

    @Test
    void normalize_rawFilesGroupedIntoUnitsOfWork_sameTablesByteForByte() throws Exception {
        assertEquals(slicedRun.sessions(), groupedRun.sessions());
        assertEquals(Trees.digests(sliced.tables()), Trees.digests(grouped.tables()),
                "how raw files are grouped for scheduling does not show in the tables");
    }

    @Test
    void normalize_unitBytesBelowOne_clearErrorAndNothingWritten() throws Exception {
        DataRoot root = new DataRoot(dir.resolve("zero-units"));
        DemoRoot.copyTree(sliced.rawSweep(SWEEP), root.rawSweep(SWEEP));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> normalize(root, "--unitBytes=0"));
        assertEquals("--unitBytes must be at least 1 (bytes of raw files per unit of work), not 0", e.getMessage());
        assertFalse(Files.exists(root.tables()));
    }

    @Test
    void units_consecutiveRunsOfAboutTheGivenBytes_everySliceOnceInOrder() throws Exception {
        List<SweepNormalizer.Slice> slices = SweepNormalizer.slices(sliced, SWEEP);
        List<Long> sizes = new ArrayList<>();
        for (SweepNormalizer.Slice s : slices) {
            sizes.add(Files.size(sliced.root().resolve(s.rawFile())));
        }
        long limit = sizes.stream().mapToLong(Long::longValue).sum() / 3;
        List<List<SweepNormalizer.Slice>> units = SweepNormalizer.units(sliced, slices, limit);
        assertEquals(slices, units.stream().flatMap(List::stream).toList());
        assertTrue(units.size() >= 3 && units.size() < slices.size(), units.size() + " units");
        int i = 0;
        for (List<SweepNormalizer.Slice> unit : units) {
            long bytes = 0;
            for (SweepNormalizer.Slice s : unit) {
                bytes += sizes.get(i++);
            }
            assertTrue(unit.size() == 1 || bytes <= limit, "a unit of " + unit.size() + " slices and " + bytes + " bytes");
            if (i < sizes.size()) {
                assertTrue(bytes + sizes.get(i) > limit, "a unit ends only where the next file would pass the limit");
            }
        }
        assertEquals(slices.stream().map(List::of).toList(), SweepNormalizer.units(sliced, slices, 1), "1 byte: a slice each");
        assertEquals(List.of(slices), SweepNormalizer.units(sliced, slices, Long.MAX_VALUE));
    }

    @Test
    void normalize_sweepOfManyRawFiles_sameCountsAsOneFile() throws Exception {
        assertEquals(RESPONSES, RawFiles.list(sliced, SWEEP).size());
        assertEquals(1, RawFiles.list(whole, SWEEP).size());
        assertEquals(RESPONSES, slicedRun.responses());
        assertEquals(SESSIONS, slicedRun.sessions());
        assertEquals(wholeRun, slicedRun);
    }

    @Test
    void normalize_sweepOfManyRawFiles_onePartFilePerSliceWithRows() throws Exception {
        assertEquals(partFiles(RESPONSES), partNames(sliced, Table.FETCHES));
        assertEquals(List.of("part-00000.parquet"), partNames(whole, Table.FETCHES));
        assertEquals(List.of("part-00000.parquet"), partNames(sliced, Table.SCHEMA_EVENTS));
        assertEquals(Trees.digests(whole.tablePartition("schema_events", SWEEP)),
                Trees.digests(sliced.tablePartition("schema_events", SWEEP)), "schema_events folded over the slices");
    }

    @Test
    void normalize_sweepOfManyRawFiles_sameRowsInTheSameOrder() throws Exception {
        for (Table t : Table.normalized()) {
            String except = switch (t) {
                case FETCHES -> ", raw_file, raw_offset";
                case REJECTS -> ", source, \"offset\"";
                default -> "";
            };
            assertEquals(rows(whole, t, except), rows(sliced, t, except), t.tableName());
        }
    }

    private static List<String> partFiles(int n) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add(SweepNormalizer.partFile(i));
        }
        return names;
    }

    private static List<String> partNames(DataRoot root, Table t) throws IOException {
        try (Stream<Path> files = Files.list(root.tablePartition(t.tableName(), SWEEP))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> rows(DataRoot root, Table t, String except) throws SQLException {
        String glob = root.tablePartition(t.tableName(), SWEEP).resolve("*.parquet").toString();
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT * EXCLUDE (filename, file_row_number" + except + ") FROM read_parquet('"
                        + glob + "', filename = true, file_row_number = true) ORDER BY filename, file_row_number")) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(rs.getString(i)).append('|');
                }
                out.add(row.toString());
            }
        }
        return out;
    }
}
