package org.vaxslots.schema;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.avro.AvroWriteSupport;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.compression.CompressionCodecFactory.BytesInputCompressor;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;

/**
 * Writes a Parquet file of a table column by column: each row's values go straight into
 * per-column buffers ({@link ParquetColumn}) through a {@link RowWriter}, and a row group is
 * encoded column after column when it is full. It writes every table, so a normalize compiles
 * and warms one writer (parquet-avro's record writer, which wrote the small tables until
 * 2026-12-04, was a second). parquet-mr assembles the file (page headers with CRCs, column and
 * offset indexes, the footer), and the schema and footer metadata are parquet-avro's
 * ({@code parquet.avro.schema}, {@code writer.model.name=avro}), so readers see the same table as
 * before; only the encoding choices are this class's, and they depend on nothing but the rows
 * (data-schema/README.md, "File layout").
 */
final class ColumnarParquetWriter implements AutoCloseable {
    private static final Map<Key, Layout> LAYOUTS = new ConcurrentHashMap<>();

    private final Layout layout;
    private final Buffers buffers;
    private final ParquetFileWriter file;
    private final BytesInputCompressor compressor = new SnappyCodecFactory().getCompressor(CompressionCodecName.SNAPPY);
    private final long rowGroupBytes;
    private long rowsInGroup;
    private boolean closed;

    ColumnarParquetWriter(Path path, Table table, Set<String> plainColumns, long rowGroupBytes) throws IOException {
        Layout layout = LAYOUTS.computeIfAbsent(new Key(table, Set.copyOf(plainColumns)), Layout::of);
        this.layout = layout;
        this.rowGroupBytes = rowGroupBytes;
        Buffers buffers = layout.idle().poll();
        this.buffers = buffers != null ? buffers : layout.newBuffers();
        boolean started = false;
        try {
            this.file = new ParquetFileWriter(new LocalOutputFile(path), layout.schema(), ParquetFileWriter.Mode.CREATE,
                    rowGroupBytes, ParquetWriter.MAX_PADDING_SIZE_DEFAULT,
                    ParquetProperties.DEFAULT_COLUMN_INDEX_TRUNCATE_LENGTH,
                    ParquetProperties.DEFAULT_STATISTICS_TRUNCATE_LENGTH,
                    ParquetProperties.DEFAULT_PAGE_WRITE_CHECKSUM_ENABLED);
            file.start();
            started = true;
        } finally {
            if (!started) {
                layout.release(this.buffers);
            }
        }
    }

    /** Builds and keeps the layout of a table's files ahead of the first of them. */
    static void prepare(Table table, Set<String> plainColumns) {
        LAYOUTS.computeIfAbsent(new Key(table, Set.copyOf(plainColumns)), Layout::of);
    }

    /** A table's Parquet schema, footer and column set: what every file of it starts from. */
    private record Key(Table table, Set<String> plainColumns) {
    }

    /**
     * What a file of a table needs before its first row, built once per table: the schema and
     * footer parquet-avro derives from the .avsc, and the column buffers of closed files, kept for
     * the next file so that it does not grow them again (a sweep is hundreds of files of a few
     * thousand rows). At most one set per core is kept idle.
     */
    private record Layout(Key key, MessageType schema, Map<String, String> footer, List<ColumnDescriptor> leaves,
            Queue<Buffers> idle) {
        private static final int MAX_IDLE = Runtime.getRuntime().availableProcessors();

        static Layout of(Key key) {
            PlainParquetConfiguration conf = new PlainParquetConfiguration();
            conf.set("parquet.avro.write-old-list-structure", "false");
            Table table = key.table();
            MessageType schema = new AvroSchemaConverter(conf).convert(table.schema());
            AvroWriteSupport<GenericRecord> avro = new AvroWriteSupport<>(schema, table.schema(), GenericData.get());
            WriteSupport.WriteContext context = avro.init(conf);
            Map<String, String> footer = new HashMap<>(context.getExtraMetaData());
            footer.put(ParquetWriter.OBJECT_MODEL_NAME_PROP, avro.getName());
            footer.putAll(avro.finalizeWrite().getExtraMetaData());
            // Sorted: the footer's key-value pairs are written in the map's order, and Map.copyOf's
            // order changes from JVM to JVM, which made the same rows give other bytes in a child JVM.
            return new Layout(key, context.getSchema(), Collections.unmodifiableMap(new TreeMap<>(footer)),
                    List.copyOf(context.getSchema().getColumns()),
                    new ConcurrentLinkedQueue<>());
        }

        Buffers newBuffers() {
            ParquetColumn[] columns = new ParquetColumn[leaves.size()];
            for (int i = 0; i < columns.length; i++) {
                ColumnDescriptor d = leaves.get(i);
                columns[i] = new ParquetColumn(d, !key.plainColumns().contains(d.getPath()[0]));
            }
            return new Buffers(columns, new RowWriter(key.table(), columns));
        }

        void release(Buffers buffers) {
            for (ParquetColumn c : buffers.columns()) {
                c.reset();
            }
            if (idle.size() < MAX_IDLE) {
                idle.offer(buffers);
            }
        }
    }

    private record Buffers(ParquetColumn[] columns, RowWriter rows) {
    }

    void write(DirectRow row) throws IOException {
        buffers.rows().write(row);
        endRow();
    }

    void write(GenericRecord row) throws IOException {
        buffers.rows().write(row);
        endRow();
    }

    private void endRow() throws IOException {
        rowsInGroup++;
        // The buffered size is summed every 128 rows: a row is a few hundred bytes.
        if ((rowsInGroup & 127) == 0 && bufferedBytes() >= rowGroupBytes) {
            flushRowGroup();
        }
    }

    private long bufferedBytes() {
        long sum = 0;
        for (ParquetColumn c : buffers.columns()) {
            sum += c.bufferedBytes();
        }
        return sum;
    }

    private void flushRowGroup() throws IOException {
        if (rowsInGroup == 0) {
            return;
        }
        file.startBlock(rowsInGroup);
        for (ParquetColumn c : buffers.columns()) {
            c.writeChunk(file, compressor);
        }
        file.endBlock();
        rowsInGroup = 0;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            flushRowGroup();
            file.end(layout.footer());
        } catch (IOException | RuntimeException e) {
            file.abort();
            try {
                file.close();
            } catch (IOException | RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        } finally {
            layout.release(buffers);
        }
    }
}
