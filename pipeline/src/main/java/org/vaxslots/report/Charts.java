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
 * draws them once as a JFreeChart, written as PNG for the folder and as SVG for the page; each
 * says what it shows, its unit and its source in the image itself, so it survives being copied
 * out of the pack.
 */
final class Charts {
    static final String PER_100K = "chart_open_capacity_per_100k_by_district.png";
    static final String HEAT_MAP = "chart_open_slots_by_hour.png";
    static final String CRAWL = "chart_crawl_coverage.png";

    private Charts() {}

    /**
     * Draws the three charts into {@code dir} as PNG and returns them in page order, each with its
     * SVG markup (fixed ids: chart-per-100k, chart-by-hour, chart-crawl) and the data table it draws.
     */
    static List<ChartImage> writeAll(Connection c, Path dir, PerCapitaChart.Day day) throws SQLException, IOException {
        System.setProperty("java.awt.headless", "true");
        return List.of(
                PerCapitaChart.write(c, dir.resolve(PER_100K), day),
                HeatMapChart.write(HeatMapChart.rows(c), dir.resolve(HEAT_MAP)),
                CrawlCoverageChart.write(CrawlCoverageChart.rows(c), dir.resolve(CRAWL)));
    }
}
