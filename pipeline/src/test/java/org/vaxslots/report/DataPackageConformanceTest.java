package org.vaxslots.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaxslots.ingest.ImportJob;
import org.vaxslots.normalize.NormalizeJob;
import org.vaxslots.normalize.NormalizeOptions;
import org.vaxslots.sql.SqlLayers;
import org.vaxslots.store.DataRoot;
import org.vaxslots.testing.DemoRoot;
import org.vaxslots.testing.Samples;
import org.vaxslots.testing.SweepHistory;
import org.vaxslots.testing.Trees;

/**
 * datapackage.json against the CSVs it describes, read in Java independently of the writer: every
 * resource's bytes and sha256, header, each cell parsed as its Table Schema type, required cells
 * present, primary keys unique; over the demo's pack, the hand-built history's (formula-like names,
 * a 403 page, empty cells) and the real samples' (every era, schema changes, districts without a
 * name). The npm validator does the same in DataPackageNodeValidationTest.
 */
class DataPackageConformanceTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> RESOURCES = List.of("district_daily_coverage", "state_daily_coverage", "hourly_availability",
            "slot_release_hours", "crawl_coverage", "schema_changes", "rejects_summary", "dictionary");

    @TempDir
    static Path dir;
    static Path historyPack;

    @BeforeAll
    static void reportHistory() throws Exception {
        DataRoot root = new DataRoot(dir.resolve("history"));
        DemoRoot.copyTree(SweepHistory.shared().root(), root.root());
        historyPack = ReportJob.run(root, new ReportJob.Request(null, null, "history", null)).pack();
    }

    /** Every way the pack breaks its datapackage.json, one line each; empty when it conforms. */
    static List<String> violations(Path pack) throws IOException {
        JsonNode p = JSON.readTree(pack.resolve("datapackage.json").toFile());
        List<String> out = new ArrayList<>();
        for (JsonNode r : p.get("resources")) {
            Path file = pack.resolve(r.get("path").asText());
            String name = r.get("path").asText();
            if (Files.size(file) != r.get("bytes").asLong()) {
                out.add(name + ": bytes " + r.get("bytes").asLong() + " but the file has " + Files.size(file));
            }
            if (!r.get("hash").asText().equals("sha256:" + PackFacts.sha256(file))) {
                out.add(name + ": hash " + r.get("hash").asText() + " is not the file's sha256");
            }
            JsonNode schema = r.get("schema");
            List<String> names = new ArrayList<>();
            schema.get("fields").forEach(f -> names.add(f.get("name").asText()));
            List<String> key = new ArrayList<>();
            if (schema.has("primaryKey")) {
                schema.get("primaryKey").forEach(k -> key.add(k.asText()));
            }
            Set<List<String>> keys = new HashSet<>();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                    CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                if (!csv.getHeaderNames().equals(names)) {
                    out.add(name + ": header " + csv.getHeaderNames() + " but fields " + names);
                    continue;
                }
                for (CSVRecord row : csv) {
                    long line = row.getRecordNumber() + 1;
                    int i = 0;
                    for (JsonNode f : schema.get("fields")) {
                        String cell = row.get(i++);
                        boolean required = f.path("constraints").path("required").asBoolean(false);
                        if (cell.isEmpty()) {
                            if (required) {
                                out.add(name + " line " + line + ": " + f.get("name").asText() + " is required but empty");
                            }
                        } else if (!parses(f.get("type").asText(), cell)) {
                            out.add(name + " line " + line + ": " + f.get("name").asText() + " '" + cell + "' is not a " + f.get("type").asText());
                        }
                    }
                    if (!key.isEmpty()) {
                        List<String> k = key.stream().map(row::get).toList();
                        if (!keys.add(k)) {
                            out.add(name + " line " + line + ": primary key " + key + " = " + k + " repeats an earlier row");
                        }
                    }
                }
            }
        }
        return out;
    }

    /** A cell as Table Schema's default format of each type reads it. */
    static boolean parses(String type, String cell) {
        try {
            switch (type) {
                case "string" -> { }
                case "integer" -> Long.parseLong(cell);
                case "number" -> new BigDecimal(cell);
                case "date" -> LocalDate.parse(cell);
                case "datetime" -> {
                    if (!cell.endsWith("Z")) {
                        return false;
                    }
                    OffsetDateTime.parse(cell);
                }
                case "boolean" -> {
                    return cell.equals("true") || cell.equals("false");
                }
                default -> {
                    return false;
                }
            }
            return true;
        } catch (NumberFormatException | DateTimeParseException e) {
            return false;
        }
    }

    @Test
    void conformance_demoPack_everyCellParsesAsItsTypeAndKeysAreUnique() throws Exception {
        assertEquals(List.of(), violations(DemoRoot.shared().reports().resolve(DemoRoot.RELEASE)));
    }

    @Test
    void conformance_handBuiltHistoryPack_everyCellParsesAsItsTypeAndKeysAreUnique() throws Exception {
        assertEquals(List.of(), violations(historyPack));
    }

    @Test
    void conformance_realSamplesPack_everyCellParsesAsItsTypeAndKeysAreUnique() throws Exception {
        DataRoot root = new DataRoot(dir.resolve("samples-root"));
        Path samples = Samples.writeTo(dir.resolve("samples"), Samples.availabilityNames());
        java.time.Instant asOf = java.time.Instant.parse("2021-06-01T06:30:00Z");
        ImportJob.run(root, new ImportJob.Request("samples", asOf, null, Map.of(), List.of(samples)), asOf, w -> { });
        NormalizeJob.run(PipelineOptionsFactory.fromArgs("--dataRoot=" + root.root()).as(NormalizeOptions.class));
        Path pack = ReportJob.run(root, new ReportJob.Request(null, null, "samples", null)).pack();

        assertEquals(List.of(), violations(pack));
        JsonNode changes = JSON.readTree(pack.resolve("datapackage.json").toFile()).get("resources").get(5);
        assertEquals("schema_changes", changes.get("name").asText());
        assertEquals(List.of("endpoint", "path", "event", "detail"), strings(changes.get("schema").get("primaryKey")));
    }

    @Test
    void conformance_repeatedKeyAndBadCells_eachNamedWithItsLine() throws Exception {
        Path pack = dir.resolve("broken");
        DemoRoot.copyTree(historyPack, pack);
        Path crawl = pack.resolve("crawl_coverage.csv");
        List<String> lines = Files.readAllLines(crawl);
        lines.add(lines.get(1));
        lines.set(2, lines.get(2).replaceFirst("^s2,[^,]*,", "s2,2021-05-15 05:00:00,"));
        Files.write(crawl, lines);
        JsonNode p = JSON.readTree(pack.resolve("datapackage.json").toFile());
        long bytes = p.get("resources").get(4).get("bytes").asLong();

        List<String> found = violations(pack);

        assertEquals(List.of("crawl_coverage.csv: bytes " + bytes + " but the file has " + Files.size(crawl),
                "crawl_coverage.csv: hash " + p.get("resources").get(4).get("hash").asText() + " is not the file's sha256",
                "crawl_coverage.csv line 3: first_as_of_at '2021-05-15 05:00:00' is not a datetime",
                "crawl_coverage.csv line 7: primary key [sweep_id] = [s1] repeats an earlier row"), found);
    }

    @Test
    void datapackage_historyPack_describesEveryCsvFromTheDictionary() throws Exception {
        JsonNode p = JSON.readTree(historyPack.resolve("datapackage.json").toFile());

        assertEquals("tabular-data-package", p.get("profile").asText());
        assertEquals("vaxslots-history", p.get("name").asText());
        assertEquals("CC-BY-4.0", p.get("licenses").get(0).get("name").asText());
        assertEquals(List.of("GODL-India", "CC-BY-4.0", "GODL-India"),
                p.get("sources").findValues("license").stream().map(l -> l.get("name").asText()).toList());
        List<String> names = new ArrayList<>();
        p.get("resources").forEach(r -> names.add(r.get("name").asText()));
        assertEquals(RESOURCES, names);
        JsonNode district = p.get("resources").get(0);
        assertEquals("district_daily_coverage.csv", district.get("path").asText());
        assertEquals(List.of("session_date", "district_id", "age_group"), strings(district.get("schema").get("primaryKey")));
        assertEquals(List.of(""), strings(district.get("schema").get("missingValues")));
        JsonNode per100k = district.get("schema").get("fields").get(15);
        assertEquals("{\"name\":\"open_capacity_per_100k\",\"type\":\"number\",\"description\":\"peak_open_capacity per 100,000 residents"
                + " of the census district. Co-WIN districts that are parts of one census district (e.g. BBMP and Bangalore Urban)"
                + " share one figure, computed over all of them together. Empty when the census district has no population in the"
                + " reference table, or when any of its Co-WIN units has no data that day (its capacity is unknown, not zero).\","
                + "\"unit\":\"doses per 100000 residents\"}", per100k.toString());
        assertEquals("{\"name\":\"sweep_as_of_at\",\"type\":\"datetime\",\"description\":\"As-of time of the sweep used (server Date"
                + " minus Age), UTC, ISO 8601.\",\"unit\":\"UTC\",\"constraints\":{\"required\":true}}",
                p.get("resources").get(2).get("schema").get("fields").get(9).toString());
        assertEquals("Vaccination slot supply per session day, Co-WIN district and age group, measured from repeated snapshots"
                + " (sweeps) of Co-WIN's public availability API.", district.get("description").asText());
    }

    @Test
    void datapackage_provenance_isTheManifestsInputSweepsRangeAndReferenceTables() throws Exception {
        JsonNode p = JSON.readTree(historyPack.resolve("datapackage.json").toFile()).get("provenance");
        JsonNode m = JSON.readTree(historyPack.resolve("manifest.json").toFile());

        assertEquals(m.get("input_sweeps"), p.get("input_sweeps"));
        assertEquals(m.get("range"), p.get("range"));
        assertEquals(m.get("reference_tables"), p.get("reference_tables"));
        assertEquals(m.get("checks_passed"), p.get("checks_passed"));
        assertEquals(m.get("software"), p.get("software"));
        assertEquals(5, p.get("input_sweeps").size());
    }

    @Test
    void manifest_listsDatapackageJson_withItsSha256() throws Exception {
        JsonNode m = JSON.readTree(historyPack.resolve("manifest.json").toFile());
        Map<String, String> listed = new TreeMap<>();
        m.get("files").forEach(f -> listed.put(f.get("path").asText(), f.get("sha256").asText()));

        assertEquals(PackFacts.sha256(historyPack.resolve("datapackage.json")), listed.get("datapackage.json"));
        assertEquals(null, listed.get("manifest.json"));
    }

    @Test
    void datapackage_sameTablesTwice_sameBytes() throws Exception {
        DataRoot root = new DataRoot(dir.resolve("twice"));
        DemoRoot.copyTree(SweepHistory.shared().root(), root.root());
        Path first = ReportJob.run(root, new ReportJob.Request(null, null, "history", dir.resolve("one"))).pack();
        Path second = ReportJob.run(root, new ReportJob.Request(null, null, "history", dir.resolve("two"))).pack();

        Map<String, String> a = Trees.digests(first);
        Map<String, String> b = Trees.digests(second);
        assertEquals(a.get("datapackage.json"), b.get("datapackage.json"));
        assertEquals(Files.readString(historyPack.resolve("datapackage.json")), Files.readString(first.resolve("datapackage.json")));
    }

    @Test
    void schema_dictionaryInTheRepo_describesEveryPublishedCsvWithAKey() throws Exception {
        DataPackageSchema schema = DataPackageSchema.parse(Files.readString(Path.of("../data-schema/reports/dictionary.csv")));
        List<String> files = new ArrayList<>();
        for (String entry : SqlLayers.index()) {
            if (entry.startsWith("reports/")) {
                files.add(entry.substring("reports/".length()).replace(".sql", ".csv"));
            }
        }
        files.add("dictionary.csv");

        assertEquals(new java.util.TreeSet<>(files), new java.util.TreeSet<>(schema.files().keySet()));
        for (String f : files) {
            assertEquals(true, !schema.primaryKey(f).isEmpty(), f);
        }
        assertEquals(List.of("file", "column"), schema.primaryKey("dictionary.csv"));
    }

    @Test
    void schema_typeAndTableSchemaTypeDisagree_refusedNamingTheRowAndTheFix() {
        String csv = "file,column,type,unit,description,table_schema_type,required,primary_key\n"
                + "a.csv,sweep_id,string,,Sweep.,string,true,1\n"
                + "a.csv,share_pct,decimal,percent,Share.,integer,false,\n";

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DataPackageSchema.parse(csv));

        assertEquals("data-schema/reports/dictionary.csv line 3 (a.csv, share_pct): type decimal is Table Schema's 'number',"
                + " not 'integer': correct table_schema_type", e.getMessage());
    }

    @Test
    void schema_keyPositionsWithAGap_refused() throws Exception {
        DataPackageSchema schema = DataPackageSchema.parse("file,column,type,unit,description,table_schema_type,required,primary_key\n"
                + "a.csv,x,string,,X.,string,true,1\na.csv,y,string,,Y.,string,true,3\n");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> schema.primaryKey("a.csv"));

        assertEquals("data-schema/reports/dictionary.csv: the primary_key positions of a.csv are [1, 3]: number them 1 to 2", e.getMessage());
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
