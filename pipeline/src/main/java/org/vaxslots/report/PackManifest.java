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
import java.util.TreeMap;

/**
 * manifest.json: the software version, when the pack was made, the range, the input sweeps with
 * every raw file and its sha256, what could not be read (rejects by reason, in all and per sweep)
 * and how many sessions had a capacity floored, the reference tables' sha256, the checks that passed, and the
 * size, sha256 (and rows, for CSVs) of every other file in the pack, datapackage.json and index.html
 * among them. Written last.
 */
final class PackManifest {
    static final String FILE = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PackManifest() {}

    static void write(PackFacts facts, Path pack, Instant now) throws IOException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "vaxslots report pack");
        m.put("release", facts.release());
        m.put("software", software());
        m.put("generated_at", now.toString());
        m.put("range", range(facts));
        m.put("input_sweeps", inputSweeps(facts));
        m.put("rejects", rejects(facts.rejects()));
        Map<String, Object> rounded = null;
        if (facts.rounding() != null) {
            rounded = new LinkedHashMap<>();
            rounded.put("session_observations", facts.rounding().observations());
            rounded.put("sessions", facts.rounding().sessions());
        }
        m.put("capacity_rounded", rounded);
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

    /** The software that made the pack (also datapackage.json's provenance). */
    static Map<String, Object> software() {
        Map<String, Object> software = new LinkedHashMap<>();
        software.put("name", "vaxslots");
        software.put("version", version());
        return software;
    }

    /** The session dates asked for and those listed (also datapackage.json's provenance). */
    static Map<String, Object> range(PackFacts facts) {
        Map<String, Object> range = new LinkedHashMap<>();
        range.put("session_date_from", facts.from() == null ? null : facts.from().toString());
        range.put("session_date_to", facts.to() == null ? null : facts.to().toString());
        range.put("first_session_date_listed", facts.firstSessionDate());
        range.put("last_session_date_listed", facts.lastSessionDate());
        return range;
    }

    /** Each input sweep with its as-of span and raw WARC files (also datapackage.json's provenance). */
    static List<Object> inputSweeps(PackFacts facts) {
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
        return sweeps;
    }

    /**
     * What the pack could not read, as rejects_summary.csv counts it: in all, by reason_code, and
     * per sweep (sweeps without a reject are not listed).
     */
    private static Map<String, Object> rejects(List<PackFacts.RejectCount> counts) {
        Map<String, long[]> byReason = new TreeMap<>();
        Map<String, Map<String, long[]>> bySweep = new TreeMap<>();
        long[] total = new long[2];
        for (PackFacts.RejectCount r : counts) {
            for (long[] into : List.of(total, byReason.computeIfAbsent(r.reasonCode(), k -> new long[2]),
                    bySweep.computeIfAbsent(r.sweepId(), k -> new TreeMap<>()).computeIfAbsent(r.reasonCode(), k -> new long[2]))) {
                into[0] += r.responses();
                into[1] += r.records();
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("responses", total[0]);
        out.put("records", total[1]);
        out.put("by_reason", byReason(byReason));
        List<Object> sweeps = new ArrayList<>();
        for (Map.Entry<String, Map<String, long[]>> e : bySweep.entrySet()) {
            Map<String, Object> sweep = new LinkedHashMap<>();
            sweep.put("sweep_id", e.getKey());
            sweep.put("responses", e.getValue().values().stream().mapToLong(v -> v[0]).sum());
            sweep.put("records", e.getValue().values().stream().mapToLong(v -> v[1]).sum());
            sweep.put("by_reason", byReason(e.getValue()));
            sweeps.add(sweep);
        }
        out.put("by_sweep", sweeps);
        return out;
    }

    private static Map<String, Object> byReason(Map<String, long[]> counts) {
        Map<String, Object> out = new LinkedHashMap<>();
        counts.forEach((code, n) -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("responses", n[0]);
            c.put("records", n[1]);
            out.put(code, c);
        });
        return out;
    }

    static String version() {
        String v = PackManifest.class.getPackage().getImplementationVersion();
        return v != null ? v : "development build (not run from the jar)";
    }
}
