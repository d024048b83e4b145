package org.vaxslots.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
    static NormalizeJob.Summary slicedRun;
    static NormalizeJob.Summary wholeRun;

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

        slicedRun = normalize(sliced);
        wholeRun = normalize(whole);
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

    private static NormalizeJob.Summary normalize(DataRoot root) throws IOException {
        return NormalizeJob.run(PipelineOptionsFactory.fromArgs("--dataRoot=" + root.root(), "--rebuild=true")
                .as(NormalizeOptions.class));
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
