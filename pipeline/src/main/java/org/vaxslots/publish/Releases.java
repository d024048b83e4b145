package org.vaxslots.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The releases published under a directory, newest first (by last session date listed, then by
 * name), as {@code releases.json} and {@code index.html} describe them: each with its period, its
 * crawl coverage, the sha256 of its manifest.json and its corrections. Both files are made from the
 * published files alone, with no clock time: the same releases give the same bytes.
 */
final class Releases {
    static final String JSON_FILE = "releases.json";
    static final String INDEX = "index.html";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One published release; dates and coverage are null when the pack has none. */
    record Release(String name, String firstSessionDate, String lastSessionDate, int sweeps, String minCoveragePct,
            String medianCoveragePct, String manifestSha256, String page, long corrections) {}

    private Releases() {}

    /** Every directory of {@code to} holding a manifest.json but latest/ and superseded/, newest first. */
    static List<Release> read(Path to, Map<String, Long> corrections) throws IOException {
        List<Release> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(to)) {
            for (Path d : dirs.filter(Files::isDirectory).sorted().toList()) {
                String name = d.getFileName().toString();
                if (name.startsWith(".") || PublishJob.RESERVED.contains(name) || !Files.isRegularFile(d.resolve(PackFiles.MANIFEST))) {
                    continue;
                }
                JsonNode m = PackFiles.JSON.readTree(d.resolve(PackFiles.MANIFEST).toFile());
                String[] coverage = coverage(d.resolve("crawl_coverage.csv"));
                out.add(new Release(name, text(m.path("range").path("first_session_date_listed")),
                        text(m.path("range").path("last_session_date_listed")), m.path("input_sweeps").size(), coverage[0],
                        coverage[1], PackFiles.sha256(d.resolve(PackFiles.MANIFEST)),
                        Files.isRegularFile(d.resolve("index.html")) ? "index.html" : "README.md", corrections.getOrDefault(name, 0L)));
            }
        }
        out.sort(Comparator.comparing((Release r) -> r.lastSessionDate() == null ? "" : r.lastSessionDate()).reversed()
                .thenComparing(Release::name));
        return out;
    }

    private static String text(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? null : n.asText();
    }

    /**
     * The fewest and the median crawl_coverage_pct of the sweeps that fetched districts (the mean of
     * the two middle ones for an even count, to 0.1), as crawl_coverage.csv has them.
     */
    private static String[] coverage(Path csv) throws IOException {
        if (!Files.isRegularFile(csv)) {
            return new String[2];
        }
        List<BigDecimal> pct = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser p = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            for (CSVRecord r : p) {
                if (!r.get("crawl_coverage_pct").isEmpty()) {
                    pct.add(new BigDecimal(r.get("crawl_coverage_pct")));
                }
            }
        }
        if (pct.isEmpty()) {
            return new String[2];
        }
        pct.sort(Comparator.naturalOrder());
        int n = pct.size();
        BigDecimal median = n % 2 == 1 ? pct.get(n / 2) : pct.get(n / 2 - 1).add(pct.get(n / 2)).divide(BigDecimal.valueOf(2));
        return new String[] {pct.get(0).setScale(1, RoundingMode.HALF_UP).toPlainString(),
                median.setScale(1, RoundingMode.HALF_UP).toPlainString()};
    }

    static byte[] json(List<Release> releases) throws IOException {
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("latest", releases.isEmpty() ? null : releases.get(0).name());
        List<Object> list = new ArrayList<>();
        for (Release r : releases) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("release", r.name());
            m.put("path", r.name() + "/");
            m.put("first_session_date", r.firstSessionDate());
            m.put("last_session_date", r.lastSessionDate());
            m.put("sweeps", r.sweeps());
            m.put("crawl_coverage_pct_min", r.minCoveragePct());
            m.put("crawl_coverage_pct_median", r.medianCoveragePct());
            m.put("manifest_sha256", r.manifestSha256());
            m.put("corrections", r.corrections());
            list.add(m);
        }
        top.put("releases", list);
        return JSON.writeValueAsBytes(top);
    }

    /** A self-contained page (inline CSS, no script, nothing fetched) listing the releases with links. */
    static byte[] html(List<Release> releases, boolean hasErrata) {
        StringBuilder rows = new StringBuilder();
        for (Release r : releases) {
            String n = escape(r.name());
            rows.append("<tr><th scope=\"row\"><a href=\"").append(n).append('/').append(r.page()).append("\">").append(n)
                    .append("</a></th><td>").append(r.firstSessionDate() == null ? "none listed"
                            : escape(r.firstSessionDate()) + " to " + escape(r.lastSessionDate()))
                    .append("</td><td>").append(r.sweeps()).append("</td><td>")
                    .append(r.minCoveragePct() == null ? "no district fetched" : r.medianCoveragePct() + "% (lowest " + r.minCoveragePct() + "%)")
                    .append("</td><td>").append(r.corrections() == 0 ? "none" : r.corrections() + " (see errata.csv)")
                    .append("</td><td><a href=\"").append(n).append("/datapackage.json\">datapackage.json</a> <a href=\"")
                    .append(n).append("/manifest.json\">manifest.json</a><br><code>").append(r.manifestSha256()).append("</code></td></tr>\n");
        }
        String latest = releases.isEmpty() ? "<p>No release is published yet.</p>\n"
                : "<p>The newest release, <a href=\"latest/" + releases.get(0).page() + "\">" + escape(releases.get(0).name())
                        + "</a>, is also at <a href=\"latest/\">latest/</a>, so a link to it stays the same.</p>\n";
        String page = """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>vaxslots report packs</title>
                <style>
                body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #222; }
                table { border-collapse: collapse; width: 100%; }
                th, td { border-bottom: 1px solid #ddd; padding: 0.4rem; text-align: left; vertical-align: top; }
                code { font-size: 0.75rem; word-break: break-all; }
                </style>
                </head>
                <body>
                <h1>vaxslots report packs</h1>
                <p>Co-WIN vaccination slot availability, measured from snapshots of Co-WIN's public API. Each release
                is a folder of CSVs with a README, a data dictionary, a Frictionless <code>datapackage.json</code> and a
                <code>manifest.json</code> that hashes every file; the sha256 of each manifest is below.</p>
                """ + latest + """
                <p>Machine-readable: <a href="releases.json">releases.json</a>. Corrections:\s"""
                + (hasErrata ? "<a href=\"errata.csv\">errata.csv</a> lists every release replaced after publication, when and why;"
                        + " the manifests it replaced are kept in <a href=\"superseded/\">superseded/</a>."
                        : "none so far.") + """
                </p>
                <h2>Releases, newest first</h2>
                <table>
                <thead><tr><th scope="col">release</th><th scope="col">session dates</th><th scope="col">sweeps</th>\
                <th scope="col">crawl coverage, median of sweeps</th><th scope="col">corrections</th>\
                <th scope="col">package and manifest (sha256)</th></tr></thead>
                <tbody>
                """ + rows + """
                </tbody>
                </table>
                </body>
                </html>
                """;
        return page.getBytes(StandardCharsets.UTF_8);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
