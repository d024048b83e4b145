package org.vaxslots.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * datapackage.json: the pack as a Frictionless Tabular Data Package (v1 spec), so open-data
 * portals and Frictionless tools read and validate it. Every CSV of the pack is a tabular resource
 * with its bytes, sha256 ({@code "sha256:<hex>"}, as the spec prefixes an algorithm other than
 * MD5), CSV dialect and Table Schema (fields with type, description and unit, {@code missingValues
 * [""]}, required constraints, primary key), all from the pack's dictionary.csv
 * ({@link DataPackageSchema}) and each file's description from data-schema/reports/&lt;file&gt;.md. The
 * package names its license (CC-BY-4.0) and credits its sources with theirs, and carries the
 * release's provenance as manifest.json has it ({@link PackManifest}'s facts, not recomputed).
 *
 * <p>Written after the CSVs and dictionary.csv, before index.html and manifest.json; lists
 * neither of those. No clock time: the same tables give the same bytes.
 */
final class DataPackage {
    static final String FILE = "datapackage.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * CC BY 4.0 because it carries its sources' terms through without adding any: the populations
     * and crosswalk are covid19india.org's CC BY 4.0 data, and the Government Open Data License -
     * India asks for attribution alone. A share-alike license (ODbL) would bind reusers more than
     * either source does.
     */
    static final Map<String, Object> LICENSE = ordered("name", "CC-BY-4.0", "path", "https://creativecommons.org/licenses/by/4.0/",
            "title", "Creative Commons Attribution 4.0 International");

    private DataPackage() {}

    static void write(PackFacts facts, Path pack) throws IOException {
        DataPackageSchema schema = DataPackageSchema.parse(Files.readString(pack.resolve("dictionary.csv"), StandardCharsets.UTF_8));
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("profile", "tabular-data-package");
        p.put("name", "vaxslots-" + facts.release().toLowerCase(Locale.ROOT));
        p.put("title", "vaxslots report pack " + facts.release() + ": Co-WIN vaccination slot availability");
        p.put("description", description(facts));
        p.put("licenses", List.of(LICENSE));
        p.put("sources", sources());
        p.put("contributors", List.of(ordered("title", "vaxslots", "role", "author")));
        p.put("keywords", List.of("Co-WIN", "COVID-19", "vaccination", "India", "appointments", "open data"));
        p.put("resources", resources(facts, pack, schema));
        Map<String, Object> provenance = new LinkedHashMap<>();
        provenance.put("software", PackManifest.software());
        provenance.put("range", PackManifest.range(facts));
        provenance.put("input_sweeps", PackManifest.inputSweeps(facts));
        provenance.put("reference_tables", facts.referenceDigests());
        provenance.put("checks_passed", facts.checks().stream().map(c -> "notebooks-sql/" + c).toList());
        p.put("provenance", provenance);
        Files.write(pack.resolve(FILE), JSON.writeValueAsBytes(p));
    }

    private static String description(PackFacts facts) {
        String span = facts.firstSessionDate() == null ? "no session date listed"
                : "session dates " + facts.firstSessionDate() + " to " + facts.lastSessionDate();
        return "Vaccination slot supply by session day, Co-WIN district and age group, measured from " + facts.sweeps().size()
                + (facts.sweeps().size() == 1 ? " snapshot" : " snapshots") + " (sweeps) of Co-WIN's public availability API: "
                + span + ". README.md in the pack gives the definitions, a worked example and the caveats; manifest.json "
                + "lists every file with its sha256.";
    }

    private static List<Object> sources() {
        return List.of(
                ordered("title", "Co-WIN public availability API (Ministry of Health and Family Welfare, Government of India)",
                        "path", "https://cdn-api.co-vin.in/api",
                        "description", "Public, non-personal appointment availability: every response is kept as WARC "
                                + "(provenance.input_sweeps names the files and their sha256).",
                        "license", ordered("name", "GODL-India", "title", "Government Open Data License - India",
                                "path", "https://data.gov.in/government-open-data-license-india")),
                ordered("title", "District populations (Census of India 2011) and Co-WIN to census district keys, covid19india.org",
                        "path", "https://github.com/incovid19/data-staging",
                        "description", "Copied byte for byte; provenance in notebooks-sql/reference/SOURCES.md of the vaxslots "
                                + "repository (provenance.reference_tables gives each file's sha256).",
                        "license", ordered("name", "CC-BY-4.0", "title", "Creative Commons Attribution 4.0 International",
                                "path", "https://creativecommons.org/licenses/by/4.0/")),
                ordered("title", "Co-WIN's district list of 14 May 2021, as the public API returned it",
                        "path", "https://github.com/bhattbhavesh91/cowin-vaccination-slot-availability",
                        "description", "district_mapping.csv at 7d33fd99033433a576be16605caeb06f9089efa7, bundled in "
                                + "notebooks-sql/reference/.",
                        "license", ordered("name", "GODL-India", "title", "Government Open Data License - India",
                                "path", "https://data.gov.in/government-open-data-license-india")));
    }

    /** The CSVs in the order the report wrote them, then the pack's other CSVs (dictionary.csv) by name. */
    private static List<Object> resources(PackFacts facts, Path pack, DataPackageSchema schema) throws IOException {
        List<String> csvs = new ArrayList<>(facts.csvs().keySet());
        for (String name : ReportJob.files(pack)) {
            if (name.endsWith(".csv") && !csvs.contains(name)) {
                csvs.add(name);
            }
        }
        List<Object> resources = new ArrayList<>();
        for (String name : csvs) {
            Path file = pack.resolve(name);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("profile", "tabular-data-resource");
            r.put("name", name.substring(0, name.length() - ".csv".length()));
            r.put("path", name);
            r.put("title", name);
            r.put("description", fileDescription(name));
            r.put("format", "csv");
            r.put("mediatype", "text/csv");
            r.put("encoding", "utf-8");
            r.put("bytes", Files.size(file));
            r.put("hash", "sha256:" + PackFacts.sha256(file));
            r.put("dialect", ordered("delimiter", ",", "lineTerminator", "\n", "quoteChar", "\"", "doubleQuote", true, "header", true));
            r.put("schema", tableSchema(name, schema));
            resources.add(r);
        }
        return resources;
    }

    private static Map<String, Object> tableSchema(String name, DataPackageSchema schema) {
        List<Object> fields = new ArrayList<>();
        for (DataPackageSchema.Field f : schema.fields(name)) {
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("name", f.name());
            field.put("type", f.tableSchemaType());
            field.put("description", f.description());
            if (!f.unit().isEmpty()) {
                field.put("unit", f.unit());
            }
            if (f.required()) {
                field.put("constraints", Map.of("required", true));
            }
            fields.add(field);
        }
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("fields", fields);
        s.put("missingValues", List.of(""));
        List<String> key = schema.primaryKey(name);
        if (!key.isEmpty()) {
            s.put("primaryKey", key);
        }
        return s;
    }

    /** The first paragraph of data-schema/reports/&lt;stem&gt;.md (after its title), on one line. */
    static String fileDescription(String csv) throws IOException {
        String doc = "/data-schema/reports/" + csv.substring(0, csv.length() - ".csv".length()) + ".md";
        String text;
        try (InputStream in = DataPackage.class.getResourceAsStream(doc)) {
            if (in == null) {
                throw new IllegalStateException("data-schema" + doc.substring("/data-schema".length())
                        + " is missing: every published CSV is documented there (rebuild the jar if it exists)");
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder paragraph = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.startsWith("# ") && paragraph.isEmpty()) {
                continue;
            }
            if (line.isBlank()) {
                if (!paragraph.isEmpty()) {
                    break;
                }
                continue;
            }
            paragraph.append(paragraph.isEmpty() ? "" : " ").append(line.strip());
        }
        return paragraph.toString();
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
