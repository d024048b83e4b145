package org.vaxslots.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.vaxslots.model.Endpoint;
import org.vaxslots.model.SchemaObservation;
import org.vaxslots.parse.RejectReason;
import org.vaxslots.sql.SqlLayers;

/**
 * data-schema/codebook.csv is the one list of the values of the coded columns: it must hold exactly
 * the values the code writes (endpoints, reject reasons, schema events), and the accepted-values
 * check must read every column of every table that a code list (or age_group) covers.
 */
class CodebookTest {
    private static final Path CODEBOOK = Path.of("../data-schema/codebook.csv");
    private static final String CHECK = "checks/check_coded_values_accepted.sql";
    /** age_group's values are owned by the rule table data-schema/age_groups.csv, not the codebook. */
    private static final String AGE_GROUP = "age_group";

    /** column_name to its values and meanings, in file order. */
    private static Map<String, Map<String, String>> codebook() throws Exception {
        Map<String, Map<String, String>> lists = new LinkedHashMap<>();
        try (Reader in = Files.newBufferedReader(CODEBOOK)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                Map<String, String> list = lists.computeIfAbsent(r.get("column_name"), k -> new LinkedHashMap<>());
                assertEquals(null, list.put(r.get("value"), r.get("meaning")), "listed twice: " + r);
            }
        }
        return lists;
    }

    @Test
    void codebook_endpoints_exactlyTheEndpointEnum() throws Exception {
        List<String> expected = Arrays.stream(Endpoint.values()).map(Endpoint::apiName).toList();
        assertEquals(expected, List.copyOf(codebook().get("endpoint").keySet()));
    }

    @Test
    void codebook_reasonCodes_exactlyRejectReasonWithItsMeanings() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        for (RejectReason r : RejectReason.values()) {
            expected.put(r.code(), r.meaning());
        }
        assertEquals(expected, codebook().get("reason_code"));
    }

    @Test
    void codebook_schemaEvents_exactlyTheEventsNormalizeWrites() throws Exception {
        List<String> expected = List.of(SchemaObservation.UNKNOWN_FIELD, SchemaObservation.MISSING_FIELD,
                SchemaObservation.RETYPED_FIELD, SchemaObservation.UNKNOWN_VALUE, SchemaObservation.FRACTIONAL_VALUE,
                SchemaObservation.NEGATIVE_VALUE);
        assertEquals(expected, List.copyOf(codebook().get("event").keySet()));
    }

    @Test
    void codebook_everyListNamesAColumnOfSomeTable() throws Exception {
        Set<String> columns = new TreeSet<>();
        for (Table t : Table.values()) {
            t.schema().getFields().forEach(f -> columns.add(f.name()));
        }
        for (String list : codebook().keySet()) {
            assertEquals(true, columns.contains(list), "codebook list " + list + " names no table column");
        }
    }

    @Test
    void codedValuesCheck_readsEveryCodedColumnOfEveryTable() throws Exception {
        Set<String> coded = new TreeSet<>(codebook().keySet());
        coded.add(AGE_GROUP);
        Set<String> expected = new TreeSet<>();
        for (Table t : Table.values()) {
            for (Schema.Field f : t.schema().getFields()) {
                if (coded.contains(f.name())) {
                    expected.add(t.tableName() + "." + f.name());
                }
            }
        }
        Set<String> read = new TreeSet<>();
        Matcher m = Pattern.compile("SELECT '(\\w+)' AS relation, '(\\w+)' AS column_name, (\\w+) AS value").matcher(SqlLayers.sql(CHECK));
        while (m.find()) {
            assertEquals(m.group(2), m.group(3), "the column read is the one named");
            read.add(m.group(1) + "." + m.group(2));
        }
        assertEquals(expected, read);
    }

    @Test
    void dictionary_codedColumns_describeEveryValueOfTheirList() throws Exception {
        Map<String, Map<String, String>> lists = codebook();
        Map<String, String> missing = new TreeMap<>();
        try (Reader in = Files.newBufferedReader(Path.of("../data-schema/dictionary.csv"))) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                if (r.get("table").equals("fetches") && lists.containsKey(r.get("column"))) {
                    for (String value : lists.get(r.get("column")).keySet()) {
                        if (!r.get("description").contains(value)) {
                            missing.put("fetches." + r.get("column"), value);
                        }
                    }
                }
            }
        }
        assertEquals(Map.of(), missing, "the dictionary's description of fetches' coded columns names every code");
    }
}
