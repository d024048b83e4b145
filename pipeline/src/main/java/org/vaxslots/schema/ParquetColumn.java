package org.vaxslots.schema;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;

/**
 * One leaf column of a row group being written by {@link ColumnarParquetWriter}: its repetition
 * and definition levels and its values, buffered raw until the row group is written. A value
 * costs an array store and, for a dictionary column, one hash lookup keyed by the value itself
 * (a Java string's hash is cached), or none when it is the value the column was given last (the
 * same string object, or the same number), where parquet-mr's column writers hash the UTF-8
 * bytes, then compare them for the statistics, once per value.
 *
 * <p>The chunk is written in pages of {@link #PAGE_ROWS} rows (Parquet format v1 data pages, as
 * parquet-mr's default writes): levels RLE/bit-packed, values dictionary-encoded (a PLAIN
 * dictionary page, then PLAIN_DICTIONARY ids) when the dictionary is at most
 * {@link #MAX_DICTIONARY_BYTES} and smaller than the plain values, else PLAIN. Each page's
 * statistics (min, max, nulls) are computed over the distinct values it holds, so the column
 * index and the chunk statistics are those parquet-mr computes over every value.
 */
final class ParquetColumn {
    /** Rows per data page: parquet-mr's default page row count limit. */
    static final int PAGE_ROWS = 20_000;
    /** parquet-mr's default dictionary page size: above it, a chunk is written PLAIN. */
    static final int MAX_DICTIONARY_BYTES = 1024 * 1024;

    private final ColumnDescriptor descriptor;
    private final PrimitiveTypeName type;
    private final boolean dictionary;
    private final int maxDef;
    private final int maxRep;

    private byte[] defs = new byte[1024];
    private byte[] reps;
    private int levels;
    private int rows;

    /** Per present value, in order: a dictionary id, or for a plain binary column its end offset in {@link #plain}. */
    private int[] ids = new int[1024];
    private int values;
    private long[] longs;
    private double[] doubles;
    private boolean[] booleans;
    private byte[] plain;
    private int plainLength;

    /** A string column's dictionary: value to id, and each id's UTF-8 bytes. */
    private final StringIds stringIds = new StringIds();
    /** An integer column's dictionary: value to id, and each id's value. */
    private final LongIds longIds = new LongIds();
    private long[] entryLongs = new long[16];
    private int entryCount;
    private final List<byte[]> entryBytes = new ArrayList<>();
    private long dictionaryBytes;
    /** The size of the present values as PLAIN, to choose between dictionary and plain. */
    private long plainBytes;
    /**
     * The last value added to the dictionary and its id: most columns repeat the row before's
     * value (the same string object, from the same response or center), which then costs no lookup.
     */
    private String lastString;
    private long lastLong;
    private int lastId = -1;

    ParquetColumn(ColumnDescriptor descriptor, boolean dictionary) {
        this.descriptor = descriptor;
        this.type = descriptor.getPrimitiveType().getPrimitiveTypeName();
        this.maxDef = descriptor.getMaxDefinitionLevel();
        this.maxRep = descriptor.getMaxRepetitionLevel();
        this.dictionary = dictionary && (type == PrimitiveTypeName.BINARY || type == PrimitiveTypeName.INT32
                || type == PrimitiveTypeName.INT64);
        this.reps = maxRep > 0 ? new byte[1024] : null;
        switch (type) {
            case INT32, INT64 -> longs = this.dictionary ? null : new long[1024];
            case DOUBLE -> doubles = new double[1024];
            case BOOLEAN -> booleans = new boolean[1024];
            case BINARY -> plain = this.dictionary ? null : new byte[4096];
            default -> throw new IllegalArgumentException("column " + descriptor + " is of a type vaxslots does not write");
        }
    }

    ColumnDescriptor descriptor() {
        return descriptor;
    }

    PrimitiveTypeName type() {
        return type;
    }

    int maxDefinitionLevel() {
        return maxDef;
    }

    /** Level entries so far, and present values so far: where a failed row is rolled back to. */
    int levelCount() {
        return levels;
    }

    int valueCount() {
        return values;
    }

    int plainLength() {
        return plainLength;
    }

    long plainBytes() {
        return plainBytes;
    }

    /** Forgets what was written after the given counts (a row that failed half-way). */
    void rollBack(int levelCount, int valueCount, int plainEnd, long plainSize, int rowCount) {
        levels = levelCount;
        values = valueCount;
        plainLength = plainEnd;
        plainBytes = plainSize;
        rows = rowCount;
    }

    int rows() {
        return rows;
    }

    /** A null (or an empty or absent list) at this definition level. */
    void addNull(int rep, int def) {
        level(rep, def);
    }

    void addString(int rep, String value) {
        level(rep, maxDef);
        if (dictionary) {
            int id;
            if (value == lastString) {
                id = lastId;
            } else {
                id = stringIds.get(value);
                if (id < 0) {
                    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                    id = entryCount++;
                    entryBytes.add(bytes);
                    stringIds.put(value, id);
                    dictionaryBytes += 4 + bytes.length;
                }
                lastString = value;
                lastId = id;
            }
            plainBytes += 4 + entryBytes.get(id).length;
            addId(id);
        } else {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            ensurePlain(4 + bytes.length);
            writeIntLE(plain, plainLength, bytes.length);
            System.arraycopy(bytes, 0, plain, plainLength + 4, bytes.length);
            plainLength += 4 + bytes.length;
            plainBytes += 4 + bytes.length;
            addId(plainLength);
        }
    }

    void addInt(int rep, int value) {
        addLong(rep, value);
    }

    void addLong(int rep, long value) {
        level(rep, maxDef);
        int width = type == PrimitiveTypeName.INT32 ? 4 : 8;
        plainBytes += width;
        if (dictionary) {
            int id;
            if (lastId >= 0 && value == lastLong) {
                id = lastId;
            } else {
                id = longIds.get(value);
                if (id < 0) {
                    id = entryCount++;
                    if (id == entryLongs.length) {
                        entryLongs = Arrays.copyOf(entryLongs, id * 2);
                    }
                    entryLongs[id] = value;
                    longIds.put(value, id);
                    dictionaryBytes += width;
                }
                lastLong = value;
                lastId = id;
            }
            addId(id);
        } else {
            if (values == longs.length) {
                longs = Arrays.copyOf(longs, values * 2);
            }
            longs[values++] = value;
        }
    }

    void addDouble(int rep, double value) {
        level(rep, maxDef);
        if (values == doubles.length) {
            doubles = Arrays.copyOf(doubles, values * 2);
        }
        doubles[values++] = value;
        plainBytes += 8;
    }

    void addBoolean(int rep, boolean value) {
        level(rep, maxDef);
        if (values == booleans.length) {
            booleans = Arrays.copyOf(booleans, values * 2);
        }
        booleans[values++] = value;
    }

    /** What the row group holds of this column, roughly, in bytes: for the row group size. */
    long bufferedBytes() {
        return levels * (maxRep > 0 ? 2L : 1L) + plainBytes + values / 8 + dictionaryBytes;
    }

    private void addId(int id) {
        if (values == ids.length) {
            ids = Arrays.copyOf(ids, values * 2);
        }
        ids[values++] = id;
    }

    private void level(int rep, int def) {
        if (levels == defs.length) {
            defs = Arrays.copyOf(defs, levels * 2);
            if (reps != null) {
                reps = Arrays.copyOf(reps, levels * 2);
            }
        }
        defs[levels] = (byte) def;
        if (reps != null) {
            reps[levels] = (byte) rep;
        }
        if (rep == 0) {
            rows++;
        }
        levels++;
    }

    private void ensurePlain(int more) {
        if (plainLength + more > plain.length) {
            plain = Arrays.copyOf(plain, Math.max(plain.length * 2, plainLength + more));
        }
    }

    /**
     * Writes the buffered chunk to {@code file} (inside its row group) and empties the buffers;
     * the dictionary starts again with the next row group, as in parquet-mr.
     */
    void writeChunk(ParquetFileWriter file, BytesInputCompressor compressor) throws IOException {
        boolean useDictionary = dictionary && entryCount > 0 && dictionaryBytes <= MAX_DICTIONARY_BYTES
                && dictionaryBytes + (long) values * bitWidth(entryCount - 1) / 8 < plainBytes;
        file.startColumn(descriptor, levels, CompressionCodecName.SNAPPY);
        int[] rank = null;
        if (useDictionary) {
            byte[] page = dictionaryPage();
            BytesInput compressed = compressor.compress(BytesInput.from(page));
            file.writeDictionaryPage(new DictionaryPage(compressed, page.length, entryCount,
                    Encoding.PLAIN_DICTIONARY));
        }
        int[] seen = dictionary ? new int[entryCount] : null;
        int level = 0;
        int value = 0;
        int page = 0;
        while (level < levels) {
            page++;
            int firstLevel = level;
            int firstValue = value;
            int pageRows = 0;
            Statistics<?> stats = Statistics.createStats(descriptor.getPrimitiveType());
            // A page ends before the first level of its PAGE_ROWS+1'th row, never inside a row.
            while (level < levels) {
                boolean rowStart = reps == null || reps[level] == 0;
                if (rowStart) {
                    if (pageRows == PAGE_ROWS) {
                        break;
                    }
                    pageRows++;
                }
                if (defs[level] == maxDef) {
                    value++;
                } else {
                    stats.incrementNumNulls();
                }
                level++;
            }
            addStatistics(stats, firstValue, value, seen, page);
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 + (value - firstValue) * 4);
            if (maxRep > 0) {
                levels(out, reps, firstLevel, level, maxRep);
            }
            if (maxDef > 0) {
                levels(out, defs, firstLevel, level, maxDef);
            }
            Encoding valuesEncoding;
            if (useDictionary) {
                int width = bitWidth(entryCount - 1);
                out.write(width);
                RunLengthBitPackingHybridEncoder ids = encoder(width, value - firstValue);
                for (int i = firstValue; i < value; i++) {
                    ids.writeInt(this.ids[i]);
                }
                ids.toBytes().writeAllTo(out);
                valuesEncoding = Encoding.PLAIN_DICTIONARY;
            } else {
                plainValues(out, firstValue, value);
                valuesEncoding = Encoding.PLAIN;
            }
            byte[] bytes = out.toByteArray();
            BytesInput compressed = compressor.compress(BytesInput.from(bytes));
            file.writeDataPage(level - firstLevel, bytes.length, compressed, stats, pageRows,
                    maxRep > 0 ? Encoding.RLE : Encoding.BIT_PACKED, maxDef > 0 ? Encoding.RLE : Encoding.BIT_PACKED,
                    valuesEncoding);
        }
        file.endColumn();
        reset();
    }

    private void addStatistics(Statistics<?> stats, int from, int to, int[] seen, int page) {
        switch (type) {
            case BINARY -> {
                if (dictionary) {
                    for (int i = from; i < to; i++) {
                        int id = ids[i];
                        if (seen[id] != page) {
                            seen[id] = page;
                            stats.updateStats(Binary.fromConstantByteArray(entryBytes.get(id)));
                        }
                    }
                } else {
                    int start = from == 0 ? 0 : ids[from - 1];
                    for (int i = from; i < to; i++) {
                        int end = ids[i];
                        stats.updateStats(Binary.fromReusedByteArray(plain, start + 4, end - start - 4));
                        start = end;
                    }
                }
            }
            case INT32, INT64 -> {
                for (int i = from; i < to; i++) {
                    long v;
                    if (dictionary) {
                        int id = ids[i];
                        if (seen[id] == page) {
                            continue;
                        }
                        seen[id] = page;
                        v = entryLongs[id];
                    } else {
                        v = longs[i];
                    }
                    if (type == PrimitiveTypeName.INT32) {
                        stats.updateStats((int) v);
                    } else {
                        stats.updateStats(v);
                    }
                }
            }
            case DOUBLE -> {
                for (int i = from; i < to; i++) {
                    stats.updateStats(doubles[i]);
                }
            }
            case BOOLEAN -> {
                for (int i = from; i < to; i++) {
                    stats.updateStats(booleans[i]);
                }
            }
            default -> throw new IllegalStateException(type.name());
        }
    }

    private byte[] dictionaryPage() {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) dictionaryBytes);
        byte[] word = new byte[8];
        for (int id = 0; id < entryCount; id++) {
            if (type == PrimitiveTypeName.BINARY) {
                byte[] bytes = entryBytes.get(id);
                writeIntLE(word, 0, bytes.length);
                out.write(word, 0, 4);
                out.write(bytes, 0, bytes.length);
            } else {
                long v = entryLongs[id];
                writeLongLE(word, v);
                out.write(word, 0, type == PrimitiveTypeName.INT32 ? 4 : 8);
            }
        }
        return out.toByteArray();
    }

    private void plainValues(ByteArrayOutputStream out, int from, int to) {
        byte[] word = new byte[8];
        switch (type) {
            case BINARY -> {
                if (dictionary) {
                    for (int i = from; i < to; i++) {
                        byte[] bytes = entryBytes.get(ids[i]);
                        writeIntLE(word, 0, bytes.length);
                        out.write(word, 0, 4);
                        out.write(bytes, 0, bytes.length);
                    }
                } else {
                    int start = from == 0 ? 0 : ids[from - 1];
                    int end = to == 0 ? 0 : ids[to - 1];
                    out.write(plain, start, end - start);
                }
            }
            case INT32, INT64 -> {
                int width = type == PrimitiveTypeName.INT32 ? 4 : 8;
                for (int i = from; i < to; i++) {
                    writeLongLE(word, dictionary ? entryLongs[ids[i]] : longs[i]);
                    out.write(word, 0, width);
                }
            }
            case DOUBLE -> {
                for (int i = from; i < to; i++) {
                    writeLongLE(word, Double.doubleToLongBits(doubles[i]));
                    out.write(word, 0, 8);
                }
            }
            case BOOLEAN -> {
                // PLAIN booleans: one bit each, least significant bit first.
                int bits = 0;
                int n = 0;
                for (int i = from; i < to; i++) {
                    if (booleans[i]) {
                        bits |= 1 << n;
                    }
                    if (++n == 8) {
                        out.write(bits);
                        bits = 0;
                        n = 0;
                    }
                }
                if (n > 0) {
                    out.write(bits);
                }
            }
            default -> throw new IllegalStateException(type.name());
        }
    }

    /** V1 levels: a 4-byte little-endian length, then the RLE/bit-packed hybrid run. */
    private static void levels(ByteArrayOutputStream out, byte[] levels, int from, int to, int max) throws IOException {
        RunLengthBitPackingHybridEncoder encoder = encoder(bitWidth(max), to - from);
        for (int i = from; i < to; i++) {
            encoder.writeInt(levels[i]);
        }
        BytesInput bytes = encoder.toBytes();
        byte[] length = new byte[4];
        writeIntLE(length, 0, (int) bytes.size());
        out.write(length, 0, 4);
        bytes.writeAllTo(out);
    }

    private static RunLengthBitPackingHybridEncoder encoder(int bitWidth, int count) {
        int initial = Math.max(64, Math.min(64 * 1024, count * Math.max(1, bitWidth) / 8 + 16));
        return new RunLengthBitPackingHybridEncoder(bitWidth, initial, Math.max(initial, 1024 * 1024),
                HeapByteBufferAllocator.getInstance());
    }

    /** Bits needed for values 0..max. */
    static int bitWidth(int max) {
        return 32 - Integer.numberOfLeadingZeros(max);
    }

    /** Empties the buffers, keeping their capacity: for the next row group, or the next file. */
    void reset() {
        levels = 0;
        rows = 0;
        values = 0;
        plainLength = 0;
        plainBytes = 0;
        stringIds.clear();
        longIds.clear();
        entryCount = 0;
        entryBytes.clear();
        dictionaryBytes = 0;
        lastString = null;
        lastId = -1;
    }

    private static void writeIntLE(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
        b[at + 3] = (byte) (v >>> 24);
    }

    private static void writeLongLE(byte[] b, long v) {
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (v >>> (8 * i));
        }
    }
}
