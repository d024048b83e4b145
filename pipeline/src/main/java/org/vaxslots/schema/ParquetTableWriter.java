package org.vaxslots.schema;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * Writes one Parquet file of one table, streaming: rows are buffered only up to a row group. The
 * output depends only on the rows written (no timestamps or random ids in the file), so the same
 * rows give the same bytes. Every table is written column by column by
 * {@link ColumnarParquetWriter}, from {@link DirectRow}s (centers and sessions, millions of rows a
 * sweep) or GenericRecords (the other tables); the schema in the footer is the .avsc's.
 */
public final class ParquetTableWriter implements AutoCloseable {
    private static final int ROW_GROUP_BYTES = 32 * 1024 * 1024;

    private final ColumnarParquetWriter columnar;
    private final Table table;
    private final Schema schema;
    private long rows;

    private ParquetTableWriter(ColumnarParquetWriter columnar, Table table) {
        this.columnar = columnar;
        this.table = table;
        this.schema = table.schema();
    }

    public static ParquetTableWriter create(Path file, Table table) throws IOException {
        return new ParquetTableWriter(new ColumnarParquetWriter(file, table, TableRows.plainColumns(table),
                ROW_GROUP_BYTES), table);
    }

    /**
     * Derives the table's Parquet schema and footer from its .avsc now rather than at its first
     * file; what {@link #create} then finds ready. The files are the same either way.
     */
    public static void prepare(Table table) {
        ColumnarParquetWriter.prepare(table, TableRows.plainColumns(table));
    }

    public void write(DirectRow row) throws IOException {
        if (row.table() != table) {
            throw new IllegalArgumentException("row of " + row.table().tableName() + " written to a "
                    + table.tableName() + " file");
        }
        columnar.write(row);
        rows++;
    }

    public void write(GenericRecord row) throws IOException {
        if (row.getSchema() != schema) {
            throw new IllegalArgumentException("row of " + row.getSchema().getName() + " written to a "
                    + schema.getName() + " file");
        }
        columnar.write(row);
        rows++;
    }

    public long rows() {
        return rows;
    }

    @Override
    public void close() throws IOException {
        columnar.close();
    }
}
