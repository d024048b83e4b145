package org.vaxslots.schema;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * Writes the values of one row into the column buffers of a {@link ColumnarParquetWriter}, field
 * by field in the .avsc's order, with the repetition and definition levels of parquet-avro's
 * schema (a null is a null entry; a list is the three-level structure, {@code list} and
 * {@code element}). Each value is checked against the table's .avsc: a null in a required
 * column, a value of another type than the column's, or a field written twice or not at all
 * fails the row, and a failed row leaves nothing in the buffers.
 *
 * <p>Rows come as {@link DirectRow}s (normalize's centers and sessions) or as GenericRecords of
 * the table's schema (the other tables, tests and tools), which are walked field by field through
 * the same calls.
 */
public final class RowWriter {
    private final Table table;
    private final String[] names;
    private final Schema.Type[] types;
    private final boolean[] required;
    /** Per field, its leaf columns: one, or one per field of a list of records. */
    private final ParquetColumn[][] leaves;
    private final ParquetColumn[] all;
    /** Per field, the row that last wrote it. */
    private final long[] writtenInRow;
    private final int[] markLevels;
    private final int[] markValues;
    private final int[] markPlain;
    private final long[] markPlainBytes;
    private final int[] markRows;
    private long row;

    RowWriter(Table table, ParquetColumn[] columns) {
        this.table = table;
        this.all = columns;
        List<Schema.Field> fields = table.schema().getFields();
        this.names = new String[fields.size()];
        this.types = new Schema.Type[fields.size()];
        this.required = new boolean[fields.size()];
        this.leaves = new ParquetColumn[fields.size()][];
        this.writtenInRow = new long[fields.size()];
        for (Schema.Field f : fields) {
            Schema s = nonNull(f.schema());
            names[f.pos()] = f.name();
            types[f.pos()] = s.getType();
            required[f.pos()] = s == f.schema();
            List<ParquetColumn> mine = new ArrayList<>();
            for (ParquetColumn c : columns) {
                if (c.descriptor().getPath()[0].equals(f.name())) {
                    mine.add(c);
                }
            }
            leaves[f.pos()] = mine.toArray(ParquetColumn[]::new);
            writtenInRow[f.pos()] = -1;
        }
        this.markLevels = new int[columns.length];
        this.markValues = new int[columns.length];
        this.markPlain = new int[columns.length];
        this.markPlainBytes = new long[columns.length];
        this.markRows = new int[columns.length];
    }

    /** The type a column holds: the non-null member of a ["null", T] union, else the schema itself. */
    private static Schema nonNull(Schema s) {
        if (s.getType() != Schema.Type.UNION) {
            return s;
        }
        return s.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).findFirst().orElseThrow();
    }

    /** Writes one row; {@link ParquetTableWriter} has checked it is of this table. */
    void write(DirectRow row) {
        begin();
        try {
            row.writeTo(this);
            end();
        } catch (RuntimeException e) {
            rollBack();
            throw e;
        }
    }

    /** Writes one GenericRecord of the table's schema through the same calls as a {@link DirectRow}. */
    void write(GenericRecord record) {
        begin();
        try {
            for (int pos = 0; pos < names.length; pos++) {
                genericValue(pos, record.get(pos));
            }
            end();
        } catch (RuntimeException e) {
            rollBack();
            throw e;
        }
    }

    /** A string column. Whether its values are dictionary-encoded is the table's choice, not the call's. */
    public void string(int pos, String value) {
        if (present(pos, value, Schema.Type.STRING)) {
            leaves[pos][0].addString(0, value);
        }
    }

    public void int32(int pos, int value) {
        check(pos, Schema.Type.INT);
        written(pos);
        leaves[pos][0].addInt(0, value);
    }

    public void int32(int pos, Integer value) {
        if (present(pos, value, Schema.Type.INT)) {
            leaves[pos][0].addInt(0, value);
        }
    }

    public void int64(int pos, long value) {
        check(pos, Schema.Type.LONG);
        written(pos);
        leaves[pos][0].addLong(0, value);
    }

    public void int64(int pos, Long value) {
        if (present(pos, value, Schema.Type.LONG)) {
            leaves[pos][0].addLong(0, value);
        }
    }

    public void float64(int pos, Double value) {
        if (present(pos, value, Schema.Type.DOUBLE)) {
            leaves[pos][0].addDouble(0, value);
        }
    }

    public void bool(int pos, Boolean value) {
        if (present(pos, value, Schema.Type.BOOLEAN)) {
            leaves[pos][0].addBoolean(0, value);
        }
    }

    /** A list of strings; its elements are required, as in every list of the .avsc files. */
    public void stringList(int pos, List<String> values) {
        if (present(pos, values, Schema.Type.ARRAY)) {
            ParquetColumn c = leaves[pos][0];
            if (values.isEmpty()) {
                // No element: the level of the list itself (one below its required element's).
                c.addNull(0, c.maxDefinitionLevel() - 1);
                return;
            }
            int rep = 0;
            for (String v : values) {
                if (v == null) {
                    throw new IllegalStateException(table.tableName() + "." + names[pos] + " has a null element");
                }
                c.addString(rep, v);
                rep = 1;
            }
        }
    }

    /**
     * A list of records whose fields are all optional strings, each element given as its field
     * values in the record's order (centers.vaccine_fees).
     */
    public void recordList(int pos, List<String[]> elements) {
        if (present(pos, elements, Schema.Type.ARRAY)) {
            ParquetColumn[] fields = leaves[pos];
            if (fields.length == 0 || fields[0].descriptor().getPath().length != 4) {
                throw new IllegalStateException(table.tableName() + "." + names[pos]
                        + " is not a list of records in its .avsc");
            }
            if (elements.isEmpty()) {
                // No element: the level of the list itself, two below a present field of an element.
                for (ParquetColumn c : fields) {
                    c.addNull(0, c.maxDefinitionLevel() - 2);
                }
                return;
            }
            int rep = 0;
            for (String[] values : elements) {
                if (values.length != fields.length) {
                    throw new IllegalStateException(table.tableName() + "." + names[pos] + " has records of "
                            + fields.length + " fields in its .avsc, written with " + values.length);
                }
                for (int i = 0; i < fields.length; i++) {
                    if (values[i] == null) {
                        fields[i].addNull(rep, fields[i].maxDefinitionLevel() - 1);
                    } else {
                        fields[i].addString(rep, values[i]);
                    }
                }
                rep = 1;
            }
        }
    }

    private void genericValue(int pos, Object value) {
        switch (types[pos]) {
            case STRING -> string(pos, value == null ? null : value.toString());
            case INT -> int32(pos, (Integer) value);
            case LONG -> int64(pos, (Long) value);
            case DOUBLE -> float64(pos, (Double) value);
            case BOOLEAN -> bool(pos, (Boolean) value);
            case ARRAY -> {
                if (leaves[pos].length == 1 && leaves[pos][0].descriptor().getPath().length == 3) {
                    stringList(pos, value == null ? null : strings((List<?>) value));
                } else {
                    recordList(pos, value == null ? null : records((List<?>) value));
                }
            }
            default -> throw new IllegalStateException(table.tableName() + "." + names[pos] + " is " + types[pos]
                    + " in its .avsc, which vaxslots does not write");
        }
    }

    private static List<String> strings(List<?> values) {
        List<String> out = new ArrayList<>(values.size());
        for (Object o : values) {
            out.add(o == null ? null : o.toString());
        }
        return out;
    }

    private static List<String[]> records(List<?> values) {
        List<String[]> out = new ArrayList<>(values.size());
        for (Object o : values) {
            GenericRecord r = (GenericRecord) o;
            String[] fields = new String[r.getSchema().getFields().size()];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = r.get(i) == null ? null : r.get(i).toString();
            }
            out.add(fields);
        }
        return out;
    }

    private void begin() {
        row++;
        for (int i = 0; i < all.length; i++) {
            ParquetColumn c = all[i];
            markLevels[i] = c.levelCount();
            markValues[i] = c.valueCount();
            markPlain[i] = c.plainLength();
            markPlainBytes[i] = c.plainBytes();
            markRows[i] = c.rows();
        }
    }

    private void end() {
        for (int pos = 0; pos < names.length; pos++) {
            if (writtenInRow[pos] != row) {
                throw new IllegalStateException(table.tableName() + "." + names[pos] + " was not written");
            }
        }
    }

    private void rollBack() {
        for (int i = 0; i < all.length; i++) {
            all[i].rollBack(markLevels[i], markValues[i], markPlain[i], markPlainBytes[i], markRows[i]);
        }
    }

    private void written(int pos) {
        if (writtenInRow[pos] == row) {
            throw new IllegalStateException(table.tableName() + "." + names[pos] + " was written twice in one row");
        }
        writtenInRow[pos] = row;
    }

    private void check(int pos, Schema.Type type) {
        if (types[pos] != type) {
            throw new IllegalStateException(table.tableName() + "." + names[pos] + " is " + types[pos]
                    + " in its .avsc but was written as " + type);
        }
    }

    /** Checks the value; a null is written here (as a null entry of each leaf) and false returned. */
    private boolean present(int pos, Object value, Schema.Type type) {
        check(pos, type);
        written(pos);
        if (value == null) {
            if (required[pos]) {
                throw new IllegalStateException(table.schema().getName() + "." + names[pos]
                        + " is required by its .avsc but was not set");
            }
            for (ParquetColumn c : leaves[pos]) {
                c.addNull(0, 0);
            }
            return false;
        }
        return true;
    }
}
