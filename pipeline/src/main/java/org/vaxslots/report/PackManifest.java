package org.vaxslots.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * manifest.json: the software version, when the pack was made, the range, the input sweeps with
 * every raw file and its sha256, the reference tables' sha256, the checks that passed, and the
 * size, sha256 (and rows, for CSVs) of every other file in the pack. Written last.
 */
final class PackManifest {
    static final String FILE = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PackManifest() {}

    static void write(PackFacts facts, Path pack, Instant now) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "vaxslots report pack");
        m.put("release", facts.release());
        Map<String, Object> software = new LinkedHashMap<>();
        software.put("name", "vaxslots");
        software.put("version", version());
        m.put("software", software);
        m.put("generated_at", now.toString());
        Map<String, Object> range = new LinkedHashMap<>();
        range.put("session_date_from", facts.from() == null ? null : facts.from().toString());
        range.put("session_date_to", facts.to() == null ? null : facts.to().toString());
        range.put("first_session_date_listed", facts.firstSessionDate());
        range.put("last_session_date_listed", facts.lastSessionDate());
        m.put("range", range);
        List<Object> sweeps = new ArrayList<>();
        for (PackFacts.Sweep s : facts.sweeps()) {
            Map<String, Object> sweep = new LinkedHashMap<>();
            sweep.put("sweep_id", s.sweepId());
            sweep.put("first_as_of_at", s.firstAsOfAt());
            sweep.put("last_as_of_at", s.lastAsOfAt());
            List<Object> raws = new ArrayList<>();
            for (PackFacts.RawFile r : s.rawFiles()) {
                Map<String, Object> raw = new LinkedHashMap<>();
                raw.put("path", r.path());
                raw.put("bytes", r.bytes());
                raw.put("sha256", r.sha256());
                raws.add(raw);
            }
            sweep.put("raw_files", raws);
            sweeps.add(sweep);
        }
        m.put("input_sweeps", sweeps);
        m.put("reference_tables", facts.referenceDigests());
        m.put("checks_passed", facts.checks().stream().map(c -> "notebooks-sql/" + c).toList());
        List<Object> files = new ArrayList<>();
        for (String name : ReportJob.files(pack)) {
            Path f = pack.resolve(name);
            Map<String, Object> file = new LinkedHashMap<>();
            file.put("path", name);
            file.put("bytes", Files.size(f));
            file.put("sha256", PackFacts.sha256(f));
            ReportCsv.Written csv = facts.csvs().get(name);
            if (csv != null) {
                file.put("rows", csv.rows());
                file.put("columns", csv.columns());
            }
            files.add(file);
        }
        m.put("files", files);
        Files.write(pack.resolve(FILE), JSON.writeValueAsBytes(m));
    }

    static String version() {
        String v = PackManifest.class.getPackage().getImplementationVersion();
        return v != null ? v : "development build (not run from the jar)";
    }
}
