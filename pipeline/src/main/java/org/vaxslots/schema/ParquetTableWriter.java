package org.vaxslots.schema;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;

/**
 * Writes one Parquet file of one table, streaming: rows are buffered only up to a row group. The
 * output depends only on the rows written (no timestamps or random ids in the file), so the same
 * rows give the same bytes. A row is a GenericRecord of the table's schema or a {@link DirectRow};
 * both are written as parquet-avro writes a GenericRecord ({@link TableWriteSupport}).
 */
public final class ParquetTableWriter implements AutoCloseable {
    private static final int ROW_GROUP_BYTES = 32 * 1024 * 1024;

    private final ParquetWriter<Object> writer;
    private final Table table;
    private final Schema schema;
    private long rows;

    private ParquetTableWriter(ParquetWriter<Object> writer, Table table) {
        this.writer = writer;
        this.table = table;
        this.schema = table.schema();
    }

    public static ParquetTableWriter create(Path file, Table table) throws IOException {
        PlainParquetConfiguration conf = new PlainParquetConfiguration();
        conf.set("parquet.avro.write-old-list-structure", "false");
        ParquetWriter<Object> writer = new Builder(new LocalOutputFile(file), table)
                .withConf(conf)
                .withCodecFactory(new SnappyCodecFactory())
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withRowGroupSize((long) ROW_GROUP_BYTES)
                .withWriteMode(ParquetFileWriter.Mode.CREATE)
                // Each session appears once per sweep: its dictionary always overflows and is dropped,
                // after costing the time to build it (scripts/bench; bench/PERFORMANCE.md, session 1).
                .withDictionaryEncoding("session_id", false)
                .build();
        return new ParquetTableWriter(writer, table);
    }

    public void write(DirectRow row) throws IOException {
        if (row.table() != table) {
            throw new IllegalArgumentException("row of " + row.table().tableName() + " written to a "
                    + table.tableName() + " file");
        }
        writer.write(row);
        rows++;
    }

    public void write(GenericRecord row) throws IOException {
        if (row.getSchema() != schema) {
            throw new IllegalArgumentException("row of " + row.getSchema().getName() + " written to a "
                    + schema.getName() + " file");
        }
        writer.write(row);
        rows++;
    }

    public long rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }

    private static final class Builder extends ParquetWriter.Builder<Object, Builder> {
        private final Table table;

        Builder(OutputFile file, Table table) {
            super(file);
            this.table = table;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Object> getWriteSupport(ParquetConfiguration conf) {
            return new TableWriteSupport(table, conf);
        }

        @Override
        protected WriteSupport<Object> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
            throw new UnsupportedOperationException("vaxslots writes Parquet without Hadoop");
        }
    }
}
