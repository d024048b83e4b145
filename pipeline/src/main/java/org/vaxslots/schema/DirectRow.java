package org.vaxslots.schema;

/**
 * A row of a high-volume table that writes its own values to Parquet, with no Avro record in
 * between: normalize writes millions of centers and sessions a sweep, and building a
 * GenericRecord for each, then walking it against its schema, was a fifth of its CPU
 * (bench/PERFORMANCE.md, session 4). The row writes through a {@link RowWriter}, which checks
 * every value against the table's .avsc and issues the calls parquet-avro would, so the file is
 * the same bytes as for the same row as a GenericRecord.
 */
public interface DirectRow {
    /** The table the row belongs to. */
    Table table();

    /** Writes the row's columns, in the .avsc's order, through {@code out}. */
    void writeTo(RowWriter out);
}
