package org.vaxslots.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaxslots.store.DataRoot;
import org.vaxslots.testing.DemoRoot;
import org.vaxslots.testing.SweepHistory;

/**
 * index.html over the hand-built history of {@link SweepHistory} (read its javadoc table first):
 * the findings against values worked out by hand, the file table against the pack, determinism,
 * headings, links, and escaping of hostile names.
 */
class PackPageTest {
    static final LocalDate DAY = LocalDate.parse("2021-05-16");
    static final String RELEASE = "page";
    static final String HOSTILE = "<script>alert(1)</script>";

    @TempDir
    static Path dir;
    static ReportJob.Result result;
    static String html;

    @BeforeAll
    static void buildAndReport() throws Exception {
        DataRoot root = new DataRoot(dir.resolve("data"));
        DemoRoot.copyTree(SweepHistory.shared().root(), root.root());
        result = ReportJob.run(root, new ReportJob.Request(DAY, DAY, RELEASE, null));
        html = Files.readString(result.pack().resolve(PackPage.FILE), StandardCharsets.UTF_8);
    }

    @Test
    void page_sweepHistory_titleAndPeriodFirst() {
        assertTrue(html.contains("<h1>Where were vaccination slots scarcest? Co-WIN, 2021-05-16</h1>\n"
                + "<p class=\"period\">Report pack <strong>page</strong>: session days 2021-05-16, 4 Co-WIN districts"
                + " with sessions, 5 sweeps of Co-WIN's public availability API.</p>"), html);
    }

    @Test
    void page_sweepHistory_findingsComputedFromTheMarts() {
        // 18-44 on 16 May: Rohtak 10 + 8 = 18 open slots, the four other districts read showed none (ties by district id).
        String scarcest = "<li><strong>Where slots were scarcest for 18-44:</strong> 4 districts tied, &#39;=HYPERLINK(&quot;"
                + "http://example.invalid&quot;,&quot;Gurgaon&quot;) (Haryana), Faridabad (Haryana), Jaipur I (Rajasthan), Jaipur II"
                + " (Rajasthan), with 0.00 open slots per 100,000 residents a day (mean over 1 session day)."
                + " The 5 lowest with a per-capita figure:</li>";
        assertTrue(html.contains(scarcest), html);
        assertTrue(html.contains("<tr><td class=\"num\">5</td><td>Rohtak (192)</td><td>Haryana</td><td class=\"num\">"
                + ReportJobTest.per100k(18, ReportJobTest.POP_ROHTAK) + "</td><td class=\"num\">1</td><td class=\"num\">18</td></tr>"), html);
        // Sessions S1, S2, S4, S5, S6, S7 are all on 16 May; only Faridabad (empty in every sweep) showed no slot.
        assertTrue(html.contains("<li><strong>The busiest day:</strong> 2021-05-16 (6 sessions listed, the most of any day): 1 of the 5"
                + " districts read showed no open slot for any age group.</li>"), html);
        // Sweep 3 read 3 of 5 (Rohtak throttled, Jaipur II an HTML page, which is also the one rejected response); the
        // imports carry no districts answers, so the list of the day is the bundled one of 756 districts.
        assertTrue(html.contains("<li><strong>How sure we are:</strong> 5 sweeps; each read a median of 100.0% of the districts it tried"
                + " (lowest 60.0%). Together they read 5 of the 756 districts on the district list of the day (asked for 5); 2 district"
                + " fetches got no data (throttled or failed). Could not be read: 1 response and 0 records"), html);
    }

    @Test
    void page_sweepHistory_forWhomComparesTheAgeGroups() {
        // 45+ per 100,000: Faridabad 0, Rohtak 7 -> 0.66, Jaipur I and II (20 + 30) on one population -> 0.75 each, Gurgaon 12 -> 0.79.
        assertTrue(html.contains("<li><strong>For whom:</strong> 18-44: median district 0.00 open slots per 100,000 a day"
                + " (5 districts with a figure), 4 of 5 district-days read with no open slot at all; 45+: median district "
                + ReportJobTest.per100k(50, ReportJobTest.POP_JAIPUR) + " open slots per 100,000 a day (5 districts with a figure),"
                + " 1 of 5 district-days read with no open slot at all.</li>"), html);
    }

    @Test
    void page_runTwice_sameBytes() throws Exception {
        DataRoot root = new DataRoot(dir.resolve("data"));
        ReportJob.Result second = ReportJob.run(root, new ReportJob.Request(DAY, DAY, RELEASE, dir.resolve("second")));
        assertEquals(-1, Files.mismatch(result.pack().resolve(PackPage.FILE), second.pack().resolve(PackPage.FILE)));
    }

    @Test
    void page_fileTable_everyOtherPackFileWithSizeRowsAndSha256() throws IOException {
        Matcher m = Pattern.compile("<tr><td><a href=\"([^\"]+)\">\\1</a></td><td class=\"num\">(\\d+)</td><td class=\"num\">(\\d*)</td>"
                + "<td><code>([0-9a-f]{64})</code></td></tr>").matcher(html);
        List<String> listed = new ArrayList<>();
        while (m.find()) {
            Path f = result.pack().resolve(m.group(1));
            listed.add(m.group(1));
            assertEquals(Files.size(f), Long.parseLong(m.group(2)), m.group(1));
            Long rows = result.csvRows().get(m.group(1));
            assertEquals(rows == null ? "" : rows.toString(), m.group(3), m.group(1));
            assertEquals(PackFacts.sha256(f), m.group(4), m.group(1));
        }
        List<String> expected = new ArrayList<>(ReportJob.files(result.pack()));
        expected.removeAll(List.of(PackPage.FILE, PackManifest.FILE));
        assertEquals(expected, listed);
    }

    @Test
    void manifest_listsThePage_withItsSha256() throws IOException {
        JsonNode m = new ObjectMapper().readTree(result.pack().resolve(PackManifest.FILE).toFile());
        String sha = null;
        for (JsonNode f : m.get("files")) {
            if (f.get("path").asText().equals(PackPage.FILE)) {
                sha = f.get("sha256").asText();
            }
        }
        assertEquals(PackFacts.sha256(result.pack().resolve(PackPage.FILE)), sha);
    }

    @Test
    void page_everyLinkAndImage_aFileOfThePack() {
        Matcher m = Pattern.compile("(?:href|src)=\"([^\"]*)\"").matcher(html);
        int links = 0;
        while (m.find()) {
            links++;
            assertTrue(Files.isRegularFile(result.pack().resolve(m.group(1))) && !m.group(1).contains("/") && !m.group(1).contains(":"),
                    m.group(1));
        }
        assertTrue(links >= 3 + 13, "links: " + links);
    }

    @Test
    void page_structure_langHeadingsInOrderNoScriptAltOnEveryImage() {
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n"));
        Matcher h = Pattern.compile("<h([1-6])[ >]").matcher(html);
        int last = 0;
        List<Integer> levels = new ArrayList<>();
        while (h.find()) {
            int level = Integer.parseInt(h.group(1));
            assertTrue(level <= last + 1, "h" + level + " after h" + last);
            last = level;
            levels.add(level);
        }
        assertEquals(1, levels.get(0));
        assertEquals(1, levels.stream().filter(l -> l == 1).count());
        assertFalse(html.toLowerCase(java.util.Locale.ROOT).contains("<script"));
        // Each chart inline as SVG named by its alt text, or as the PNG with it; each with its data behind it.
        Matcher chart = Pattern.compile("<div class=\"chart\" role=\"img\" aria-label=\"[^\"]{10,}\">\n<svg |"
                + "<img class=\"chart\" src=\"[^\"]+\\.png\" alt=\"[^\"]{10,}\">").matcher(html);
        int charts = 0;
        while (chart.find()) {
            charts++;
        }
        assertEquals(3, charts);
        assertEquals(3, html.split("<summary>The data behind this chart \\(", -1).length - 1);
        assertTrue(html.contains("<h2 id=\"what-the-numbers-mean-title\">What the numbers mean</h2>\n<p>A <strong>sweep</strong> is one pass"));
        assertTrue(html.contains("<h2 id=\"caveats-title\">Caveats</h2>\n<ul>\n<li><strong>Snapshot resolution.</strong>"));
    }

    @Test
    void render_noSessionsNoDistrictFetches_saysSoInPlainWords() throws IOException {
        PackFacts facts = new PackFacts("empty", null, null, null, null, 0, Map.of(), List.of(), null, Map.of(), List.of(), null,
                List.of(), null);
        PackPageFindings findings = new PackPageFindings(List.of(), List.of(), null,
                new PackPageFindings.Coverage(1, 0, null, null, 0, 0, 0, 0, 2, 0));

        String page = PackPage.render(facts, findings, List.of(), List.of(), Files.readString(
                Path.of("src/test/resources/PackPageTest/README.md"), StandardCharsets.UTF_8));

        assertTrue(page.contains("<h1>Where were vaccination slots scarcest? Co-WIN, no session listed</h1>"), page);
        assertTrue(page.contains("<li><strong>Where slots were scarcest:</strong> no district has a per-capita figure in this range"), page);
        assertTrue(page.contains("<li><strong>The busiest day:</strong> no session was listed in this range.</li>"), page);
        assertTrue(page.contains("<li><strong>How sure we are:</strong> 1 sweep; none fetched districts by id, so crawl coverage cannot"
                + " be stated. Could not be read: 2 responses and 0 records"), page);
    }

    @Test
    void render_hostileNamesInFindingsAndChartData_escapedAndNeutralised() throws IOException {
        PackFacts facts = new PackFacts(HOSTILE, null, null, "2021-05-16", "2021-05-16", 1, Map.of(), List.of(), null, Map.of(),
                List.of(), null, List.of(), null);
        PackPageFindings findings = new PackPageFindings(
                List.of(new PackPageFindings.Scarce("18-44", 1, "=HYPERLINK(\"http://x.invalid\")", HOSTILE, 7, 1, 0, "0.00")),
                List.of(new PackPageFindings.AgeGroup("18-44", 1, 1, 1, 0, 1, "0.00")),
                new PackPageFindings.BusiestDay("2021-05-16", 1, 1, 1, 0),
                new PackPageFindings.Coverage(1, 1, "100.0", "100.0", 1, 1, 1, 0, 0, 0));
        ChartImage chart = new ChartImage("chart.png", HOSTILE, "alt \"quoted\" " + HOSTILE, "<svg id=\"c1\"><rect/></svg>",
                List.of("district", "open"), List.of(List.of(HOSTILE, "1"), List.of("=1+1", "2")));

        String page = PackPage.render(facts, findings, List.of(chart), List.of(), Files.readString(
                Path.of("src/test/resources/PackPageTest/README.md"), StandardCharsets.UTF_8));

        assertFalse(page.contains("<script>"), page);
        assertTrue(page.contains("<td>&lt;script&gt;alert(1)&lt;/script&gt; (7)</td><td>&#39;=HYPERLINK(&quot;http://x.invalid&quot;)</td>"), page);
        assertTrue(page.contains("<title>Co-WIN vaccination slots, 2021-05-16: report pack &lt;script&gt;alert(1)&lt;/script&gt;</title>"));
        assertTrue(page.contains("<div class=\"chart\" role=\"img\" aria-label=\"alt &quot;quoted&quot; &lt;script&gt;alert(1)&lt;/script&gt;\">\n"
                + "<svg id=\"c1\"><rect/></svg>\n</div>"), page);
        assertTrue(page.contains("<tr><td>&lt;script&gt;alert(1)&lt;/script&gt;</td><td>1</td></tr>\n<tr><td>&#39;=1+1</td><td>2</td></tr>"), page);
        assertTrue(page.contains("<p>&lt;img src=x onerror=alert(1)&gt; stays text.</p>"), page);
    }
}
