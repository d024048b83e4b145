package org.vaxslots.report;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The Table Schema of each published CSV, read from the pack's dictionary.csv (a copy of
 * data-schema/reports/dictionary.csv): per file, its columns in order with their Table Schema
 * type, unit, description, whether a cell may be empty, and the file's primary key.
 *
 * <p>The dictionary names each column's type in its own words (date, timestamp, integer,
 * decimal, string, boolean) and in Table Schema's ({@code table_schema_type}); the two must agree
 * by {@link #TABLE_SCHEMA_TYPES}, so a type is never described two ways.
 */
record DataPackageSchema(Map<String, List<Field>> files) {
    /** The dictionary's type → Table Schema's type. */
    static final Map<String, String> TABLE_SCHEMA_TYPES = Map.of("date", "date", "timestamp", "datetime", "integer", "integer",
            "decimal", "number", "string", "string", "boolean", "boolean");

    /** One column: {@code keyPosition} is its place in the primary key from 1, or 0 when it is not part of it. */
    record Field(String name, String type, String tableSchemaType, String unit, String description, boolean required,
            int keyPosition) {}

    DataPackageSchema {
        files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    /** Parses dictionary.csv; a row that breaks the rules above is an error naming the row and the fix. */
    static DataPackageSchema parse(String dictionaryCsv) throws IOException {
        Map<String, List<Field>> files = new LinkedHashMap<>();
        try (CSVParser p = CSVParser.builder().setReader(new StringReader(dictionaryCsv))
                .setFormat(ReportCsv.FORMAT.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            for (String needed : List.of("file", "column", "type", "unit", "description", "table_schema_type", "required", "primary_key")) {
                if (!p.getHeaderMap().containsKey(needed)) {
                    throw new IllegalStateException("dictionary.csv has no column '" + needed
                            + "': data-schema/reports/dictionary.csv must have it (see data-schema/reports/datapackage.md)");
                }
            }
            for (CSVRecord r : p) {
                files.computeIfAbsent(r.get("file"), k -> new ArrayList<>()).add(field(r));
            }
        }
        return new DataPackageSchema(files);
    }

    private static Field field(CSVRecord r) {
        String where = "data-schema/reports/dictionary.csv line " + (r.getRecordNumber() + 1) + " (" + r.get("file") + ", "
                + r.get("column") + ")";
        String type = r.get("type");
        String expected = TABLE_SCHEMA_TYPES.get(type);
        if (expected == null) {
            throw new IllegalStateException(where + ": unknown type '" + type + "': use one of " + new java.util.TreeSet<>(TABLE_SCHEMA_TYPES.keySet()));
        }
        if (!expected.equals(r.get("table_schema_type"))) {
            throw new IllegalStateException(where + ": type " + type + " is Table Schema's '" + expected + "', not '"
                    + r.get("table_schema_type") + "': correct table_schema_type");
        }
        String required = r.get("required");
        if (!required.equals("true") && !required.equals("false")) {
            throw new IllegalStateException(where + ": required is '" + required + "': write true or false");
        }
        String key = r.get("primary_key");
        if (!key.isEmpty() && !key.matches("[1-9][0-9]?")) {
            throw new IllegalStateException(where + ": primary_key is '" + key + "': write its position in the key (1, 2, ...) or leave it empty");
        }
        return new Field(r.get("column"), type, expected, r.get("unit"), r.get("description"), required.equals("true"),
                key.isEmpty() ? 0 : Integer.parseInt(key));
    }

    /** The columns of a file, in order; an error when the dictionary does not describe it. */
    List<Field> fields(String file) {
        List<Field> fields = files.get(file);
        if (fields == null) {
            throw new IllegalStateException("data-schema/reports/dictionary.csv does not describe " + file
                    + ": add a row for each of its columns (and a line to data-schema/CHANGELOG.md)");
        }
        return fields;
    }

    /** The file's primary key, in key order; an error when its positions are not 1..n. */
    List<String> primaryKey(String file) {
        List<Field> key = fields(file).stream().filter(f -> f.keyPosition() > 0)
                .sorted(Comparator.comparingInt(Field::keyPosition)).toList();
        for (int i = 0; i < key.size(); i++) {
            if (key.get(i).keyPosition() != i + 1) {
                throw new IllegalStateException("data-schema/reports/dictionary.csv: the primary_key positions of " + file
                        + " are " + key.stream().map(Field::keyPosition).toList() + ": number them 1 to " + key.size());
            }
        }
        return key.stream().map(Field::name).toList();
    }
}
