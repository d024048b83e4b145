package org.vaxslots.compact;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.vaxslots.schema.Table;

/**
 * A typed stand-in with no rows for a derived table that {@code compact} has not written, because
 * no sweep listed any session (every district throttled, or no slots anywhere). Such a data root
 * is data ("no slots" is an answer), so its report must build; DuckDB's read_parquet refuses a
 * pattern that matches no file. Column names and types come from the table's .avsc ({@link Table#schema()}).
 */
public final class EmptyDerivedTables {
    private EmptyDerivedTables() {}

    /** {@code CREATE OR REPLACE VIEW stg_<table> AS SELECT CAST(NULL AS …) AS … WHERE false}. */
    public static String stagingView(Table table) {
        List<String> columns = new ArrayList<>();
        for (Schema.Field f : table.schema().getFields()) {
            columns.add("CAST(NULL AS " + duckType(f.schema()) + ") AS " + f.name());
        }
        return "CREATE OR REPLACE VIEW stg_" + table.tableName() + " AS SELECT " + String.join(", ", columns) + " WHERE false";
    }

    static String duckType(Schema s) {
        if (s.getType() == Schema.Type.UNION) {
            for (Schema branch : s.getTypes()) {
                if (branch.getType() != Schema.Type.NULL) {
                    return duckType(branch);
                }
            }
        }
        LogicalType logical = s.getLogicalType();
        String name = logical == null ? "" : logical.getName();
        return switch (s.getType()) {
            case STRING -> "VARCHAR";
            case BOOLEAN -> "BOOLEAN";
            case INT -> name.equals("date") ? "DATE" : "INTEGER";
            case LONG -> name.startsWith("local-timestamp") || name.startsWith("timestamp") ? "TIMESTAMP" : "BIGINT";
            case FLOAT -> "FLOAT";
            case DOUBLE -> "DOUBLE";
            case ARRAY -> duckType(s.getElementType()) + "[]";
            default -> throw new IllegalStateException("no DuckDB type for Avro " + s);
        };
    }
}
