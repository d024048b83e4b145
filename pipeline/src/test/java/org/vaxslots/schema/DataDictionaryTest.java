package org.vaxslots.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * data-schema/dictionary.csv and the .avsc files must say the same thing about every column, table
 * by table in the order of {@link Table}: the tables normalize writes, then the derived ones (whose
 * Parquet columns CompactJobTest checks against their .avsc).
 */
class DataDictionaryTest {
    private static final Path DICTIONARY = Path.of("../data-schema/dictionary.csv");

    @Test
    void dictionary_everyAvscColumn_sameNameTypeAndNullability() throws Exception {
        List<String> fromAvsc = new ArrayList<>();
        for (Table t : Table.values()) {
            for (Schema.Field f : t.schema().getFields()) {
                fromAvsc.add(t.tableName() + "," + f.name() + "," + typeName(f.schema()) + "," + (nullable(f.schema()) ? "yes" : "no"));
            }
        }
        List<String> fromDictionary = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(DICTIONARY)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                fromDictionary.add(r.get("table") + "," + r.get("column") + "," + r.get("type") + "," + r.get("nullable"));
                assertFalse(r.get("description").isBlank(), "no description for " + r.get("table") + "." + r.get("column"));
                assertEquals("no", r.get("personal_data"), r.get("table") + "." + r.get("column"));
            }
        }

        assertEquals(fromAvsc, fromDictionary);
    }

    private static boolean nullable(Schema s) {
        return s.getType() == Schema.Type.UNION && s.getTypes().stream().anyMatch(t -> t.getType() == Schema.Type.NULL);
    }

    private static String typeName(Schema s) {
        if (s.getType() == Schema.Type.UNION) {
            return typeName(s.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).findFirst().orElseThrow());
        }
        if (s.getLogicalType() != null) {
            return s.getLogicalType().getName().contains("timestamp") ? "timestamp" : s.getLogicalType().getName();
        }
        if (s.getType() == Schema.Type.ARRAY) {
            Schema item = s.getElementType();
            return "array<" + (item.getType() == Schema.Type.RECORD ? "record" : item.getType().getName()) + ">";
        }
        return s.getType().getName();
    }
}
