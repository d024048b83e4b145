package org.vaxslots.schema;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;

/**
 * Writes one Parquet file of one table, streaming: rows are buffered only up to a row group. The
 * output depends only on the rows written (no timestamps or random ids in the file), so the same
 * rows give the same bytes.
 */
public final class ParquetTableWriter implements AutoCloseable {
    private static final int ROW_GROUP_BYTES = 32 * 1024 * 1024;

    private final ParquetWriter<GenericRecord> writer;
    private final Schema schema;
    private long rows;

    private ParquetTableWriter(ParquetWriter<GenericRecord> writer, Schema schema) {
        this.writer = writer;
        this.schema = schema;
    }

    public static ParquetTableWriter create(Path file, Table table) throws IOException {
        PlainParquetConfiguration conf = new PlainParquetConfiguration();
        conf.set("parquet.avro.write-old-list-structure", "false");
        ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
                .withSchema(table.schema())
                .withDataModel(GenericData.get())
                .withConf(conf)
                .withCodecFactory(new SnappyCodecFactory())
                .withCompressionCodec(CompressionCodecName.SNAPPY)
                .withRowGroupSize((long) ROW_GROUP_BYTES)
                .withWriteMode(ParquetFileWriter.Mode.CREATE)
                // Each session appears once per sweep: its dictionary always overflows and is dropped,
                // after costing the time to build it (scripts/bench, WriteVariants).
                .withDictionaryEncoding("session_id", false)
                .build();
        return new ParquetTableWriter(writer, table.schema());
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
}
