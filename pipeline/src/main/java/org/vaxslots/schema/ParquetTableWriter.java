package org.vaxslots.schema;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.avro.AvroWriteSupport;
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
 * rows give the same bytes. Centers and sessions, millions of rows a sweep, are written column by
 * column by {@link ColumnarParquetWriter}, from {@link DirectRow}s or GenericRecords; the other
 * tables by parquet-avro, from GenericRecords. Either way the schema in the footer is the .avsc's.
 */
public final class ParquetTableWriter implements AutoCloseable {
    private static final int ROW_GROUP_BYTES = 32 * 1024 * 1024;

    /** parquet-avro's writer, for the small tables; null for a columnar table. */
    private final ParquetWriter<GenericRecord> writer;
    /** The writer of centers and sessions; null for the other tables. */
    private final ColumnarParquetWriter columnar;
    private final Table table;
    private final Schema schema;
    private long rows;

    private ParquetTableWriter(ParquetWriter<GenericRecord> writer, ColumnarParquetWriter columnar, Table table) {
        this.writer = writer;
        this.columnar = columnar;
        this.table = table;
        this.schema = table.schema();
    }

    public static ParquetTableWriter create(Path file, Table table) throws IOException {
        Set<String> plain = TableRows.PLAIN_COLUMNS.get(table);
        if (plain != null) {
            return new ParquetTableWriter(null, new ColumnarParquetWriter(file, table, plain, ROW_GROUP_BYTES), table);
        }
        PlainParquetConfiguration conf = new PlainParquetConfiguration();
        conf.set("parquet.avro.write-old-list-structure", "false");
        ParquetWriter<GenericRecord> writer = new Builder(new LocalOutputFile(file), table)
                .withConf(conf)
                .withCodecFactory(new SnappyCodecFactory())
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withRowGroupSize((long) ROW_GROUP_BYTES)
                .withWriteMode(ParquetFileWriter.Mode.CREATE)
                .build();
        return new ParquetTableWriter(writer, null, table);
    }

    public void write(DirectRow row) throws IOException {
        if (row.table() != table) {
            throw new IllegalArgumentException("row of " + row.table().tableName() + " written to a "
                    + table.tableName() + " file");
        }
        if (columnar == null) {
            throw new IllegalStateException(table.tableName() + " rows are written as GenericRecords");
        }
        columnar.write(row);
        rows++;
    }

    public void write(GenericRecord row) throws IOException {
        if (row.getSchema() != schema) {
            throw new IllegalArgumentException("row of " + row.getSchema().getName() + " written to a "
                    + schema.getName() + " file");
        }
        if (columnar != null) {
            columnar.write(row);
        } else {
            writer.write(row);
        }
        rows++;
    }

    public long rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        if (columnar != null) {
            columnar.close();
        } else {
            writer.close();
        }
    }

    private static final class Builder extends ParquetWriter.Builder<GenericRecord, Builder> {
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
        protected WriteSupport<GenericRecord> getWriteSupport(ParquetConfiguration conf) {
            return new AvroWriteSupport<>(new AvroSchemaConverter(conf).convert(table.schema()), table.schema(),
                    GenericData.get());
        }

        @Override
        protected WriteSupport<GenericRecord> getWriteSupport(org.apache.hadoop.conf.Configuration conf) {
            throw new UnsupportedOperationException("vaxslots writes Parquet without Hadoop");
        }
    }
}
