package org.vaxslots.schema;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * Writes the values of a {@link DirectRow} to Parquet, column by column, making exactly the calls
 * parquet-avro's {@code AvroWriteSupport} makes for a GenericRecord of the same values (a null is
 * no call at all; a list is the three-level structure, {@code list} and {@code element}), so the
 * bytes written are the same. Each value is checked against the table's .avsc: a null in a
 * required column, or a value of another type than the column's, fails the row, as
 * {@link TableRows#checked} does for a GenericRecord.
 *
 * <p>One instance serves one file, on one thread. Strings that repeat from row to row (names of
 * places, vaccines, slot times) are encoded to UTF-8 once per file ({@link #repeated}).
 */
public final class RowWriter {
    /** Bounds the string cache: a slice's distinct repeated strings are a few thousand. */
    private static final int MAX_CACHED = 16_384;
    private static final String LIST = "list";
    private static final String ELEMENT = "element";

    private final Table table;
    private final String[] names;
    private final Schema.Type[] types;
    private final boolean[] required;
    /** Per column that is a list of records (centers.vaccine_fees), the records' field names. */
    private final String[][] elementFields;
    private final Map<String, Binary> cache = new HashMap<>();
    private RecordConsumer consumer;

    RowWriter(Table table) {
        this.table = table;
        List<Schema.Field> fields = table.schema().getFields();
        this.names = new String[fields.size()];
        this.types = new Schema.Type[fields.size()];
        this.required = new boolean[fields.size()];
        this.elementFields = new String[fields.size()][];
        for (Schema.Field f : fields) {
            Schema s = nonNull(f.schema());
            names[f.pos()] = f.name();
            types[f.pos()] = s.getType();
            required[f.pos()] = s == f.schema();
            if (s.getType() == Schema.Type.ARRAY && s.getElementType().getType() == Schema.Type.RECORD) {
                elementFields[f.pos()] = s.getElementType().getFields().stream().map(Schema.Field::name)
                        .toArray(String[]::new);
            }
        }
    }

    /** The type a column holds: the non-null member of a ["null", T] union, else the schema itself. */
    private static Schema nonNull(Schema s) {
        if (s.getType() != Schema.Type.UNION) {
            return s;
        }
        return s.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).findFirst().orElseThrow();
    }

    void prepare(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
    }

    /** Writes one row; {@link ParquetTableWriter#write(DirectRow)} has checked it is of this table. */
    void write(DirectRow row) {
        consumer.startMessage();
        row.writeTo(this);
        consumer.endMessage();
    }

    /** A string column; the value is encoded for this row only. */
    public void string(int pos, String value) {
        if (present(pos, value, Schema.Type.STRING)) {
            begin(pos);
            consumer.addBinary(Binary.fromString(value));
            end(pos);
        }
    }

    /** A string column whose values repeat from row to row: each is encoded once per file. */
    public void repeated(int pos, String value) {
        if (present(pos, value, Schema.Type.STRING)) {
            begin(pos);
            consumer.addBinary(binary(value));
            end(pos);
        }
    }

    public void int32(int pos, int value) {
        check(pos, Schema.Type.INT);
        begin(pos);
        consumer.addInteger(value);
        end(pos);
    }

    public void int32(int pos, Integer value) {
        if (present(pos, value, Schema.Type.INT)) {
            int32(pos, value.intValue());
        }
    }

    public void int64(int pos, long value) {
        check(pos, Schema.Type.LONG);
        begin(pos);
        consumer.addLong(value);
        end(pos);
    }

    public void int64(int pos, Long value) {
        if (present(pos, value, Schema.Type.LONG)) {
            int64(pos, value.longValue());
        }
    }

    public void float64(int pos, Double value) {
        if (present(pos, value, Schema.Type.DOUBLE)) {
            begin(pos);
            consumer.addDouble(value);
            end(pos);
        }
    }

    public void bool(int pos, Boolean value) {
        if (present(pos, value, Schema.Type.BOOLEAN)) {
            begin(pos);
            consumer.addBoolean(value);
            end(pos);
        }
    }

    /** A list of repeated strings; its elements are required, as in every list of the .avsc files. */
    public void repeatedList(int pos, List<String> values) {
        if (present(pos, values, Schema.Type.ARRAY)) {
            startList(pos, values.isEmpty());
            for (String v : values) {
                if (v == null) {
                    throw new IllegalStateException(table.tableName() + "." + names[pos] + " has a null element");
                }
                consumer.startGroup();
                consumer.startField(ELEMENT, 0);
                consumer.addBinary(binary(v));
                consumer.endField(ELEMENT, 0);
                consumer.endGroup();
            }
            endList(pos, values.isEmpty());
        }
    }

    /**
     * A list of records whose fields are all optional repeated strings, each element given as its
     * field values in the record's order (centers.vaccine_fees).
     */
    public void recordList(int pos, List<String[]> elements) {
        if (present(pos, elements, Schema.Type.ARRAY)) {
            String[] names = elementFields[pos];
            if (names == null) {
                throw new IllegalStateException(table.tableName() + "." + this.names[pos]
                        + " is not a list of records in its .avsc");
            }
            startList(pos, elements.isEmpty());
            for (String[] fields : elements) {
                if (fields.length != names.length) {
                    throw new IllegalStateException(table.tableName() + "." + this.names[pos] + " has records of "
                            + names.length + " fields in its .avsc, written with " + fields.length);
                }
                consumer.startGroup();
                consumer.startField(ELEMENT, 0);
                consumer.startGroup();
                for (int i = 0; i < fields.length; i++) {
                    if (fields[i] != null) {
                        consumer.startField(names[i], i);
                        consumer.addBinary(binary(fields[i]));
                        consumer.endField(names[i], i);
                    }
                }
                consumer.endGroup();
                consumer.endField(ELEMENT, 0);
                consumer.endGroup();
            }
            endList(pos, elements.isEmpty());
        }
    }

    private void startList(int pos, boolean empty) {
        begin(pos);
        consumer.startGroup();
        if (!empty) {
            consumer.startField(LIST, 0);
        }
    }

    private void endList(int pos, boolean empty) {
        if (!empty) {
            consumer.endField(LIST, 0);
        }
        consumer.endGroup();
        end(pos);
    }

    private void begin(int pos) {
        consumer.startField(names[pos], pos);
    }

    private void end(int pos) {
        consumer.endField(names[pos], pos);
    }

    private void check(int pos, Schema.Type type) {
        if (types[pos] != type) {
            throw new IllegalStateException(table.tableName() + "." + names[pos] + " is " + types[pos]
                    + " in its .avsc but was written as " + type);
        }
    }

    private boolean present(int pos, Object value, Schema.Type type) {
        check(pos, type);
        if (value == null) {
            if (required[pos]) {
                throw new IllegalStateException(table.schema().getName() + "." + names[pos]
                        + " is required by its .avsc but was not set");
            }
            return false;
        }
        return true;
    }

    private Binary binary(String s) {
        Binary b = cache.get(s);
        if (b == null) {
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            b = Binary.fromConstantByteArray(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            cache.put(s, b);
        }
        return b;
    }
}
