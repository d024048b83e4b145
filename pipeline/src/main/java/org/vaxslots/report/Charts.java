package org.vaxslots.report;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The pack's three charts, in page order: open slots per 100,000 residents by district
 * ({@link PerCapitaChart}), open slots by hour of day ({@link HeatMapChart}) and crawl coverage
 * ({@link CrawlCoverageChart}). Each reads its rows with a SELECT of notebooks-sql/pack/ and
 * draws them; each says what it shows, its unit and its source in the image itself, so it
 * survives being copied out of the pack.
 */
final class Charts {
    static final String PER_100K = "chart_open_capacity_per_100k_by_district.png";
    static final String HEAT_MAP = "chart_open_slots_by_hour.png";
    static final String CRAWL = "chart_crawl_coverage.png";

    private Charts() {}

    /** Draws the three charts into {@code dir}; returns them in page order. */
    static List<ChartImage> writeAll(Connection c, Path dir, PerCapitaChart.Day day) throws SQLException, IOException {
        System.setProperty("java.awt.headless", "true");
        PerCapitaChart.draw(c, dir.resolve(PER_100K), day);
        HeatMapChart.draw(HeatMapChart.rows(c), dir.resolve(HEAT_MAP));
        CrawlCoverageChart.draw(CrawlCoverageChart.rows(c), dir.resolve(CRAWL));
        // SVG and the data tables come with the JFreeChart drawing (issue 15); until then the page shows the PNGs.
        return List.of(
                new ChartImage(PER_100K, "Open slots per 100,000 people, by district", "Bar chart of open slots per 100,000 people by district and age group on " + day.date() + ".", null, List.of(), List.of()),
                new ChartImage(HEAT_MAP, "Open slots by hour of day (IST)", "Heat map of mean open slots by district and hour of day.", null, List.of(), List.of()),
                new ChartImage(CRAWL, "Crawl coverage", "Chart of how many districts each sweep read.", null, List.of(), List.of()));
    }
}
