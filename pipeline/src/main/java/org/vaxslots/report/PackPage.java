package org.vaxslots.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * index.html of a pack: one self-contained page (inline CSS and SVG, no script, nothing from the
 * network) whose first screen answers "where were slots scarcest, for whom, and how sure are we?"
 * ({@link PackPageFindings}), then the charts with their alt text and data, the worked example and
 * caveats of README.md (rendered from its Markdown, the one source of that text), and every other
 * file of the pack with size, rows, sha256 and a link. It lists neither itself nor manifest.json,
 * which hashes it, so it is written after every other file but the manifest. It holds no clock
 * time: the same tables give the same bytes. Every value is HTML-escaped, and names from the
 * source are neutralised as in the CSVs.
 */
final class PackPage {
    static final String FILE = "index.html";
    /** The README sections the page repeats, by their level-2 heading. */
    static final List<String> README_SECTIONS = List.of("What the numbers mean", "Caveats");
    /** Where the data behind a chart is, while the chart carries no table of its own. */
    private static final Map<String, String> CHART_SOURCE = Map.of(
            Charts.PER_100K, "district_daily_coverage.csv",
            Charts.HEAT_MAP, "hourly_availability.csv",
            Charts.CRAWL, "crawl_coverage.csv");
    private static final List<org.commonmark.Extension> MARKDOWN = List.of(TablesExtension.create());

    /** One file of the pack as the page lists it; rows is null for a file that is not a CSV. */
    record PackFile(String name, long bytes, Long rows, String sha256) {}

    private PackPage() {}

    /** Writes index.html into the pack directory, from the files already there and the marts. */
    static void write(Connection c, PackFacts facts, List<ChartImage> charts, Path pack) throws IOException, SQLException {
        PackPageFindings findings = PackPageFindings.read(c);
        String readme = Files.readString(pack.resolve("README.md"), StandardCharsets.UTF_8);
        Files.writeString(pack.resolve(FILE), render(facts, findings, charts, files(facts, pack), readme), StandardCharsets.UTF_8);
    }

    /** Every file of the pack directory but this page and the manifest, sorted by name. */
    static List<PackFile> files(PackFacts facts, Path pack) throws IOException {
        List<PackFile> out = new ArrayList<>();
        for (String name : ReportJob.files(pack)) {
            if (name.equals(FILE) || name.equals(PackManifest.FILE)) {
                continue;
            }
            ReportCsv.Written csv = facts.csvs().get(name);
            Path f = pack.resolve(name);
            out.add(new PackFile(name, Files.size(f), csv == null ? null : csv.rows(), PackFacts.sha256(f)));
        }
        return out;
    }

    static String render(PackFacts facts, PackPageFindings findings, List<ChartImage> charts, List<PackFile> files, String readme) {
        String period = facts.firstSessionDate() == null ? "no session listed"
                : facts.firstSessionDate().equals(facts.lastSessionDate()) ? facts.firstSessionDate()
                : facts.firstSessionDate() + " to " + facts.lastSessionDate();
        StringBuilder h = new StringBuilder(32_768);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Co-WIN vaccination slots, ").append(esc(period)).append(": report pack ")
                .append(esc(facts.release())).append("</title>\n<style>\n").append(PackPageStyle.CSS).append("</style>\n</head>\n<body>\n")
                .append("<header>\n<h1>Where were vaccination slots scarcest? Co-WIN, ").append(esc(period)).append("</h1>\n")
                .append("<p class=\"period\">Report pack <strong>").append(esc(facts.release())).append("</strong>: session days ")
                .append(esc(period)).append(", ").append(n(facts.districts())).append(" Co-WIN districts with sessions, ")
                .append(n(facts.sweeps().size())).append(facts.sweeps().size() == 1 ? " sweep" : " sweeps")
                .append(" of Co-WIN's public availability API.</p>\n</header>\n<main>\n");
        PackPageSummary.findings(h, findings);
        charts(h, charts);
        readmeSections(h, readme);
        files(h, files);
        h.append("</main>\n<footer>\n<p>Source: Co-WIN public availability API (Ministry of Health and Family Welfare,"
                + " Government of India), public and non-personal; populations and the district crosswalk from covid19india.org"
                + " (CC BY 4.0). Snapshots archived and measured by vaxslots. Cite as: \u201cvaxslots report pack ")
                .append(esc(facts.release())).append(", from Co-WIN public API snapshots\u201d.</p>\n</footer>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void charts(StringBuilder h, List<ChartImage> charts) {
        h.append("<section id=\"charts\" aria-labelledby=\"charts-title\">\n<h2 id=\"charts-title\">Charts</h2>\n");
        int i = 0;
        for (ChartImage c : charts) {
            i++;
            String id = "chart-" + i;
            h.append("<figure id=\"").append(id).append("\" aria-labelledby=\"").append(id).append("-title\">\n<h3 id=\"")
                    .append(id).append("-title\">").append(esc(c.title())).append("</h3>\n");
            if (c.svg() != null) {
                h.append("<div class=\"chart\" role=\"img\" aria-label=\"").append(esc(c.altText())).append("\">\n")
                        .append(c.svg()).append("\n</div>\n");
            } else {
                h.append("<img class=\"chart\" src=\"").append(esc(c.file())).append("\" alt=\"").append(esc(c.altText())).append("\">\n");
            }
            h.append("<figcaption>").append(esc(c.altText())).append(" <a href=\"").append(esc(c.file())).append("\">")
                    .append(esc(c.file())).append("</a></figcaption>\n");
            if (c.header().isEmpty()) {
                String source = CHART_SOURCE.get(c.file());
                if (source != null) {
                    h.append("<p class=\"data\">The data behind this chart: <a href=\"").append(esc(source)).append("\">")
                            .append(esc(source)).append("</a>.</p>\n");
                }
            } else {
                h.append("<details>\n<summary>The data behind this chart (").append(n(c.rows().size()))
                        .append(c.rows().size() == 1 ? " row" : " rows").append(")</summary>\n");
                table(h, c.header(), c.rows());
                h.append("</details>\n");
            }
            h.append("</figure>\n");
        }
        h.append("</section>\n");
    }

    /** The README's worked example and caveats, from its Markdown: the page never holds a second copy of that text. */
    private static void readmeSections(StringBuilder h, String readme) {
        HtmlRenderer renderer = HtmlRenderer.builder().extensions(MARKDOWN).escapeHtml(true).sanitizeUrls(true).build();
        Node doc = Parser.builder().extensions(MARKDOWN).build().parse(readme);
        Map<String, StringBuilder> sections = new LinkedHashMap<>();
        String current = null;
        for (Node node = doc.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading && heading.getLevel() <= 2) {
                current = heading.getLevel() == 2 ? text(heading) : null;
            } else if (current != null && README_SECTIONS.contains(current)) {
                sections.computeIfAbsent(current, k -> new StringBuilder()).append(renderer.render(node));
            }
        }
        for (String title : README_SECTIONS) {
            StringBuilder body = sections.get(title);
            if (body == null) {
                throw new IllegalStateException("README.md has no section \"## " + title + "\" for index.html:"
                        + " keep PackReadme's headings and PackPage.README_SECTIONS in step");
            }
            String id = title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
            h.append("<section id=\"").append(id).append("\" aria-labelledby=\"").append(id).append("-title\">\n<h2 id=\"")
                    .append(id).append("-title\">").append(esc(title)).append("</h2>\n").append(body).append("</section>\n");
        }
    }

    private static void files(StringBuilder h, List<PackFile> files) {
        h.append("<section id=\"files\" aria-labelledby=\"files-title\">\n<h2 id=\"files-title\">Files of this pack</h2>\n")
                .append("<p>Check a file with <code>sha256sum FILE</code>. <code>manifest.json</code> (provenance: input sweeps,"
                        + " raw WARC files, software version) is not listed: it holds the sha256 of this page and of every file below.</p>\n")
                .append("<table class=\"files\">\n<thead><tr><th scope=\"col\">file</th><th scope=\"col\">bytes</th>"
                        + "<th scope=\"col\">rows</th><th scope=\"col\">sha256</th></tr></thead>\n<tbody>\n");
        for (PackFile f : files) {
            h.append("<tr><td><a href=\"").append(esc(f.name())).append("\">").append(esc(f.name())).append("</a></td><td class=\"num\">")
                    .append(f.bytes()).append("</td><td class=\"num\">").append(f.rows() == null ? "" : f.rows().toString())
                    .append("</td><td><code>").append(esc(f.sha256())).append("</code></td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</section>\n");
    }

    /** A data table; every cell is text from the source, so neutralised as in the CSVs, then escaped. */
    static void table(StringBuilder h, List<String> header, List<List<String>> rows) {
        h.append("<table>\n<thead><tr>");
        header.forEach(c -> h.append("<th scope=\"col\">").append(esc(c)).append("</th>"));
        h.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : rows) {
            h.append("<tr>");
            row.forEach(c -> h.append("<td>").append(name(c)).append("</td>"));
            h.append("</tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    private static String text(Heading heading) {
        StringBuilder s = new StringBuilder();
        for (Node n = heading.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Text t) {
                s.append(t.getLiteral());
            }
        }
        return s.toString();
    }

    /** A name from the source (district, state, center): neutralised as in the CSVs and charts, then escaped. */
    static String name(String s) {
        return s == null ? "" : esc(CsvCells.neutralise(s));
    }

    static String n(long value) {
        return String.format(java.util.Locale.ROOT, "%,d", value);
    }

    /** HTML-escapes text for an element or a double-quoted attribute. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }
}
