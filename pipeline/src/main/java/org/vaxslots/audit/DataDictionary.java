package org.vaxslots.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The published data dictionaries, as shipped in the jar: {@code data-schema/dictionary.csv}
 * (table columns, with {@code personal_data}) and {@code data-schema/reports/dictionary.csv}
 * (report CSV columns). Maps "owner/column" to its personal_data mark ("" where the dictionary
 * has no such column) and to whether it has a unit. It reads the dictionaries, not {@code Table}:
 * personal_data and unit are facts only the dictionary holds (the .avsc carry names and types, and
 * DataDictionaryTest keeps the two in step), and report CSVs have no .avsc at all.
 */
final class DataDictionary {
    static final String TABLES = "/data-schema/dictionary.csv";
    static final String REPORTS = "/data-schema/reports/dictionary.csv";

    private final Map<String, String> personal = new HashMap<>();
    private final Map<String, String> units = new HashMap<>();

    private DataDictionary() {}

    static DataDictionary load() throws IOException {
        DataDictionary d = new DataDictionary();
        d.read(TABLES, "table");
        d.read(REPORTS, "file");
        return d;
    }

    private void read(String resource, String ownerColumn) throws IOException {
        String text;
        try (InputStream in = DataDictionary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath: rebuild the jar");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text))) {
            boolean marked = p.getHeaderMap().containsKey("personal_data");
            boolean withUnits = p.getHeaderMap().containsKey("unit");
            for (CSVRecord r : p) {
                String key = r.get(ownerColumn) + "/" + r.get("column");
                personal.put(key, marked ? r.get("personal_data").trim() : "");
                if (withUnits && !r.get("unit").isBlank()) {
                    units.put(key, r.get("unit").trim());
                }
            }
        }
    }

    /** True when the column holds a quantity (it has a unit: count, bytes, doses, …): a whole number there is not an id. */
    boolean isQuantity(String owner, String column) {
        return units.containsKey(owner + "/" + column);
    }

    /** null when the column is not in the dictionary; else its personal_data mark ("" if the dictionary has none). */
    String personalMark(String owner, String column) {
        return personal.get(owner + "/" + column);
    }
}
