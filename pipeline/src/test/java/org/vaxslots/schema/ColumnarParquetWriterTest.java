package org.vaxslots.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.internal.column.columnindex.ColumnIndex;
import org.apache.parquet.internal.column.columnindex.OffsetIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The columnar writer of every table holds what parquet-avro writes for the same
 * GenericRecords: the same rows in the same order (read back by DuckDB), the same schema and
 * Avro schema in the footer, and per column the same statistics (min, max and null count over
 * the file), over random rows of every kind of value: nulls, empty and full lists, records with
 * null fields, strings outside ASCII and empty ones, NaN and -0.0, the ends of each integer type;
 * columns whose dictionary pays and columns that overflow it; files of several pages and of
 * several row groups. Only the encodings and the page and row group boundaries may differ.
 */
class ColumnarParquetWriterTest {
    @TempDir
    Path dir;

    @Test
    void randomSessionsHoldWhatParquetAvroWrites() throws IOException {
        Path file = writtenAndCompared(Table.SESSIONS, 45_000, 7);
        assertTrue(pages(file, "session_id") >= 3, "45,000 rows are written in pages of 20,000");
    }

    @Test
    void randomCentersHoldWhatParquetAvroWrites() throws IOException {
        writtenAndCompared(Table.CENTERS, 30_000, 11);
    }

    /** The tables written from GenericRecords: fetches, rejects, schema_events, listed_districts. */
    @ParameterizedTest
    @EnumSource(value = Table.class, names = {"FETCHES", "REJECTS", "SCHEMA_EVENTS", "LISTED_DISTRICTS"})
    void randomRowsOfTheOtherNormalizedTablesHoldWhatParquetAvroWrites(Table table) throws IOException {
        writtenAndCompared(table, 25_000, 13 + table.ordinal());
    }

    /** Random rows of the table written in one row group, and held to parquet-avro's file of them. */
    private Path writtenAndCompared(Table table, int count, long seed) throws IOException {
        List<GenericRecord> rows = RandomRows.of(table, count, seed);
        Path file = dir.resolve(table.tableName() + ".parquet");
        write(file, table, rows, 32 * 1024 * 1024);
        assertSameTable(table, rows, file, dir);
        return file;
    }

    @Test
    void manyRowGroupsHoldTheSameRows() throws IOException {
        List<GenericRecord> rows = RandomRows.of(Table.SESSIONS, 20_000, 3);
        Path file = dir.resolve("groups.parquet");
        write(file, Table.SESSIONS, rows, 256 * 1024);
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            assertTrue(reader.getFooter().getBlocks().size() > 3, "256 KB row groups");
        }
        assertSameTable(Table.SESSIONS, rows, file, dir);
    }

    /**
     * A dictionary column takes the value it was given last without a lookup: runs of one string
     * object or one number, broken by an equal copy (another object), by other values and by row
     * group boundaries, hold what parquet-avro writes.
     */
    @Test
    void runsOfTheSameValueHoldTheSameRows() throws IOException {
        List<GenericRecord> base = RandomRows.of(Table.SESSIONS, 400, 31);
        List<GenericRecord> rows = new ArrayList<>();
        java.util.Random random = new java.util.Random(32);
        GenericRecord run = base.get(0);
        for (int i = 0; i < 12_000; i++) {
            if (random.nextInt(50) == 0) {
                run = base.get(random.nextInt(base.size()));
            }
            GenericRecord r = new GenericData.Record((GenericData.Record) base.get(i % base.size()), true);
            for (org.apache.avro.Schema.Field f : r.getSchema().getFields()) {
                Object v = run.get(f.pos());
                int pick = random.nextInt(10);
                if (pick < 7) {
                    r.put(f.pos(), v);
                } else if (pick < 9 && v instanceof String text) {
                    r.put(f.pos(), new String(text.toCharArray()));
                }
            }
            rows.add(r);
        }
        Path file = dir.resolve("runs.parquet");
        write(file, Table.SESSIONS, rows, 128 * 1024);
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            assertTrue(reader.getFooter().getBlocks().size() > 2, "128 KB row groups");
        }
        assertSameTable(Table.SESSIONS, rows, file, dir);
    }

    @Test
    void aFileWithoutRowsIsAFileWithoutRowGroups() throws IOException {
        Path file = dir.resolve("empty.parquet");
        write(file, Table.CENTERS, List.of(), 32 * 1024 * 1024);
        assertSameTable(Table.CENTERS, List.of(), file, dir);
    }

    @Test
    void aFileAfterALargerOneAndAFailedRowHoldsOnlyItsOwnRows() throws IOException {
        // Column buffers are kept from file to file: a file written after a large one, and after
        // one whose row failed half-way, must hold nothing of theirs.
        List<GenericRecord> large = RandomRows.of(Table.SESSIONS, 30_000, 21);
        write(dir.resolve("large.parquet"), Table.SESSIONS, large, 32 * 1024 * 1024);
        List<GenericRecord> some = RandomRows.of(Table.SESSIONS, 300, 22);
        Path failed = dir.resolve("failed.parquet");
        GenericRecord bad = new GenericData.Record((GenericData.Record) some.get(0), true);
        bad.put("session_id", null);
        try (ColumnarParquetWriter w = new ColumnarParquetWriter(failed, Table.SESSIONS,
                TableRows.plainColumns(Table.SESSIONS), 32 * 1024 * 1024)) {
            w.write(some.get(1));
            assertThrows(RuntimeException.class, () -> w.write(bad));
            w.write(some.get(2));
        }
        assertSameTable(Table.SESSIONS, List.of(some.get(1), some.get(2)), failed, dir);
        Path small = dir.resolve("small.parquet");
        write(small, Table.SESSIONS, some, 32 * 1024 * 1024);
        assertSameTable(Table.SESSIONS, some, small, dir);
    }

    /**
     * The footer's key-value pairs are written in key order, whatever the JVM: they were once
     * written in {@code Map.copyOf}'s order, which changes from JVM to JVM, so a child JVM wrote
     * other bytes for the same rows (NormalizeJobCrashTest saw it only on some runs).
     */
    @Test
    void footerKeyValuePairs_areWrittenInKeyOrder() throws IOException {
        Path file = dir.resolve("centers.parquet");
        write(file, Table.CENTERS, RandomRows.of(Table.CENTERS, 10, 3), 32 * 1024 * 1024);
        byte[] bytes = Files.readAllBytes(file);
        int footerLength = (bytes[bytes.length - 8] & 0xff) | (bytes[bytes.length - 7] & 0xff) << 8
                | (bytes[bytes.length - 6] & 0xff) << 16 | (bytes[bytes.length - 5] & 0xff) << 24;
        String footer = new String(bytes, bytes.length - 8 - footerLength, footerLength, StandardCharsets.ISO_8859_1);
        List<String> keys;
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file))) {
            keys = new ArrayList<>(r.getFooter().getFileMetaData().getKeyValueMetaData().keySet());
        }
        assertTrue(keys.size() >= 2, "keys: " + keys);
        keys.sort(Comparator.comparingInt(footer::indexOf));
        assertEquals(keys.stream().sorted().toList(), keys, "the order of the keys in the footer's bytes");
    }

    private static void write(Path file, Table table, List<GenericRecord> rows, long rowGroupBytes) throws IOException {
        try (ColumnarParquetWriter w = new ColumnarParquetWriter(file, table, TableRows.plainColumns(table),
                rowGroupBytes)) {
            for (GenericRecord r : rows) {
                w.write(r);
            }
        }
    }

    /** Asserts {@code file} holds {@code rows} exactly as parquet-avro's own file of them does. */
    static void assertSameTable(Table table, List<GenericRecord> rows, Path file, Path scratch) throws IOException {
        Path oracle = Files.createTempFile(scratch, "parquet-avro-", ".parquet");
        Files.delete(oracle);
        PlainParquetConfiguration conf = new PlainParquetConfiguration();
        conf.set("parquet.avro.write-old-list-structure", "false");
        try (ParquetWriter<GenericRecord> w = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(oracle))
                .withSchema(table.schema()).withConf(conf).withCodecFactory(new SnappyCodecFactory())
                .withCompressionCodec(CompressionCodecName.SNAPPY).build()) {
            for (GenericRecord r : rows) {
                w.write(r);
            }
        }
        try (ParquetFileReader expected = ParquetFileReader.open(new LocalInputFile(oracle));
                ParquetFileReader actual = ParquetFileReader.open(new LocalInputFile(file))) {
            assertEquals(expected.getFooter().getFileMetaData().getSchema(), actual.getFooter().getFileMetaData().getSchema());
            assertEquals(expected.getFooter().getFileMetaData().getKeyValueMetaData(),
                    actual.getFooter().getFileMetaData().getKeyValueMetaData());
            assertEquals(expected.getRecordCount(), actual.getRecordCount());
            assertEquals(statistics(expected), statistics(actual), "per-column min, max and null count");
        }
        assertPageStatistics(table, rows, file);
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:"); Statement st = db.createStatement()) {
            String a = "read_parquet('" + oracle + "', file_row_number = true)";
            String b = "read_parquet('" + file + "', file_row_number = true)";
            for (String q : List.of("SELECT * FROM " + a + " EXCEPT ALL SELECT * FROM " + b,
                    "SELECT * FROM " + b + " EXCEPT ALL SELECT * FROM " + a)) {
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM (" + q + ")")) {
                    rs.next();
                    assertEquals(0, rs.getLong(1), "rows of one file missing from the other: " + q);
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + b)) {
                rs.next();
                assertEquals(rows.size(), rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new IOException(e);
        }
    }

    /**
     * Each page's statistics in the column index (min, max, null count) against those of the rows
     * the offset index says the page holds, for every column that is not in a list.
     */
    static void assertPageStatistics(Table table, List<GenericRecord> rows, Path file) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            long firstRowOfGroup = 0;
            for (BlockMetaData block : reader.getFooter().getBlocks()) {
                for (ColumnChunkMetaData chunk : block.getColumns()) {
                    if (chunk.getPath().size() != 1) {
                        continue;
                    }
                    String name = chunk.getPath().toDotString();
                    ColumnIndex index = reader.readColumnIndex(chunk);
                    OffsetIndex offsets = reader.readOffsetIndex(chunk);
                    for (int p = 0; p < offsets.getPageCount(); p++) {
                        long from = firstRowOfGroup + offsets.getFirstRowIndex(p);
                        long to = firstRowOfGroup + offsets.getLastRowIndex(p, block.getRowCount()) + 1;
                        Statistics<?> expected = Statistics.createStats(chunk.getPrimitiveType());
                        for (long r = from; r < to; r++) {
                            Object v = rows.get((int) r).get(name);
                            if (v == null) {
                                expected.incrementNumNulls();
                            } else if (v instanceof CharSequence text) {
                                expected.updateStats(Binary.fromString(text.toString()));
                            } else if (v instanceof Integer i) {
                                expected.updateStats(i.intValue());
                            } else if (v instanceof Long l) {
                                expected.updateStats(l.longValue());
                            } else if (v instanceof Double d) {
                                expected.updateStats(d.doubleValue());
                            } else {
                                expected.updateStats(((Boolean) v).booleanValue());
                            }
                        }
                        String where = name + " page " + p + " (rows " + from + ".." + to + ")";
                        assertEquals(expected.getNumNulls(), index.getNullCounts().get(p), where + " nulls");
                        assertEquals(!expected.hasNonNullValue(), index.getNullPages().get(p), where + " all null");
                        if (expected.hasNonNullValue()) {
                            Statistics<?> actual = Statistics.getBuilderForReading(chunk.getPrimitiveType())
                                    .withMin(bytes(index.getMinValues().get(p)))
                                    .withMax(bytes(index.getMaxValues().get(p))).build();
                            assertEquals(expected.minAsString() + " .. " + expected.maxAsString(),
                                    actual.minAsString() + " .. " + actual.maxAsString(), where);
                        }
                    }
                }
                firstRowOfGroup += block.getRowCount();
            }
        }
    }

    private static byte[] bytes(java.nio.ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    /** Per column path: min, max (as parquet-mr prints them) and null count, merged over the row groups. */
    private static Map<String, String> statistics(ParquetFileReader reader) {
        Map<String, Statistics<?>> merged = new LinkedHashMap<>();
        for (BlockMetaData block : reader.getFooter().getBlocks()) {
            for (ColumnChunkMetaData chunk : block.getColumns()) {
                String path = chunk.getPath().toDotString();
                Statistics<?> s = merged.get(path);
                if (s == null) {
                    merged.put(path, chunk.getStatistics().copy());
                } else {
                    s.mergeStatistics(chunk.getStatistics());
                }
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        merged.forEach((path, s) -> out.put(path, s.hasNonNullValue()
                ? s.minAsString() + " .. " + s.maxAsString() + ", nulls " + s.getNumNulls()
                : "no values, nulls " + s.getNumNulls()));
        return out;
    }

    private static int pages(Path file, String column) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file))) {
            int pages = 0;
            for (BlockMetaData block : reader.getFooter().getBlocks()) {
                for (ColumnChunkMetaData chunk : block.getColumns()) {
                    if (chunk.getPath().toDotString().equals(column)) {
                        pages += reader.readOffsetIndex(chunk).getPageCount();
                    }
                }
            }
            return pages;
        }
    }

    /** Random rows of a table's .avsc: each field null, or drawn from a small or a large pool. */
    static final class RandomRows {
        private static final String[] WORDS = {"", "Kerala", "Kollam", "കൊല്ലം", "COVISHIELD", "09:00AM-11:00AM",
            "\u00e9", "z", "Z", "~", "\uD83D\uDE00", "a\u0000b", "Sputnik V", "Free", "Paid", "780"};

        private RandomRows() {}

        static List<GenericRecord> of(Table table, int count, long seed) {
            Random random = new Random(seed);
            List<GenericRecord> rows = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                GenericRecord r = new GenericData.Record(table.schema());
                for (Schema.Field f : table.schema().getFields()) {
                    r.put(f.pos(), value(f.schema(), f.name(), random, i));
                }
                rows.add(r);
            }
            return rows;
        }

        private static Object value(Schema schema, String name, Random random, int i) {
            Schema s = schema;
            if (s.getType() == Schema.Type.UNION) {
                if (random.nextInt(4) == 0) {
                    return null;
                }
                s = s.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).findFirst().orElseThrow();
            }
            // A third of the columns (by name) draw from a pool too large for a dictionary to pay.
            boolean wide = Math.floorMod(name.hashCode(), 3) == 0 || Set.of("session_id", "name").contains(name);
            if (s.getLogicalType() != null) {
                // A date or a time: within what DuckDB converts (days, or milliseconds, from 1970).
                int day = 18_000 + random.nextInt(wide ? 2_000 : 7);
                return s.getType() == Schema.Type.INT ? (Object) day : (Object) (day * 86_400_000L + random.nextInt(86_400_000));
            }
            return switch (s.getType()) {
                case STRING -> wide ? WORDS[random.nextInt(WORDS.length)] + random.nextInt(1_000_000)
                        : WORDS[random.nextInt(WORDS.length)];
                case INT -> switch (random.nextInt(12)) {
                    case 0 -> Integer.MIN_VALUE;
                    case 1 -> Integer.MAX_VALUE;
                    default -> wide ? random.nextInt() : random.nextInt(50) - 5;
                };
                case LONG -> switch (random.nextInt(12)) {
                    case 0 -> Long.MIN_VALUE;
                    case 1 -> Long.MAX_VALUE;
                    default -> wide ? random.nextLong() : (long) random.nextInt(40);
                };
                case DOUBLE -> switch (random.nextInt(20)) {
                    case 0 -> -0.0;
                    case 1 -> 0.0;
                    case 2 -> Double.NaN;
                    default -> random.nextGaussian() * 100;
                };
                case BOOLEAN -> random.nextBoolean();
                case ARRAY -> {
                    int n = random.nextInt(5);
                    List<Object> list = new ArrayList<>();
                    for (int k = 0; k < n; k++) {
                        list.add(value(s.getElementType(), name, random, i));
                    }
                    yield list;
                }
                case RECORD -> {
                    GenericRecord r = new GenericData.Record(s);
                    for (Schema.Field f : s.getFields()) {
                        r.put(f.pos(), value(f.schema(), f.name(), random, i));
                    }
                    yield r;
                }
                default -> throw new IllegalArgumentException(s.toString());
            };
        }
    }
}
