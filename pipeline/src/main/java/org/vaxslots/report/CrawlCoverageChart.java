package org.vaxslots.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The pack's crawl coverage chart ({@link Charts#CRAWL}): per sweep, the districts read ok, empty,
 * throttled and failed, stacked, so "no data" is never mistaken for "no slots".
 */
final class CrawlCoverageChart {
    /** The outcomes stacked, bottom first, as the legend and the data table name them. */
    static final List<String> OUTCOMES = List.of("ok", "empty (no slots)", "throttled (no data)", "failed (no data)");
    static final List<Color> COLORS = List.of(new Color(0x2e, 0x8b, 0x57), new Color(0x9a, 0xcd, 0x32),
            new Color(0xf0, 0x9a, 0x1a), new Color(0xc0, 0x39, 0x2b));

    private CrawlCoverageChart() {}

    /** One sweep's districts by outcome; firstAsOf is its first as_of_at as "yyyy-MM-dd HH:mm UTC". */
    record Sweep(String firstAsOf, long ok, long empty, long throttled, long failed) {
        long total() {
            return ok + empty + throttled + failed;
        }
    }

    /** The sweeps that fetched districts by id, in time order: notebooks-sql/pack/chart_crawl_coverage.sql. */
    static List<Sweep> rows(Connection c) throws SQLException {
        List<Sweep> sweeps = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(PackFacts.pack("chart_crawl_coverage"))) {
            while (rs.next()) {
                sweeps.add(new Sweep(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)));
            }
        }
        return sweeps;
    }

    /** Draws the sweeps' districts by outcome, stacked, into {@code file}; the data table is a row per sweep. */
    static ChartImage write(List<Sweep> sweeps, Path file) throws IOException {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        Set<String> seen = new HashSet<>();
        for (Sweep sweep : sweeps) {
            String label = sweep.firstAsOf();
            for (int n = 2; !seen.add(label); n++) {
                label = sweep.firstAsOf() + " (" + n + ")";
            }
            long[] counts = {sweep.ok(), sweep.empty(), sweep.throttled(), sweep.failed()};
            for (int k = 0; k < OUTCOMES.size(); k++) {
                dataset.addValue(counts[k], OUTCOMES.get(k), label);
            }
        }
        boolean labelled = sweeps.size() <= 24;
        String axis = sweeps.isEmpty() ? "sweep" : labelled ? "sweep (first as of, UTC)"
                : sweeps.size() + " sweeps, " + sweeps.get(0).firstAsOf() + " to " + sweeps.get(sweeps.size() - 1).firstAsOf();
        JFreeChart chart = ChartFactory.createStackedBarChart(null, axis, "districts", dataset, PlotOrientation.VERTICAL,
                true, false, false);
        String title = "Crawl coverage: which districts each sweep could read";
        ChartCanvas.style(chart, title,
                "Districts fetched per sweep, by outcome. Throttled and failed districts are no data, never \"no slots\".");
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setNoDataMessage("No sweep fetched districts by id in the range.");
        plot.setNoDataMessagePaint(ChartCanvas.INK);
        CategoryAxis sweepAxis = plot.getDomainAxis();
        sweepAxis.setTickLabelsVisible(labelled);
        sweepAxis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        sweepAxis.setCategoryMargin(0.15);
        NumberAxis districts = (NumberAxis) plot.getRangeAxis();
        districts.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setMaximumBarWidth(0.05);
        for (int k = 0; k < COLORS.size(); k++) {
            renderer.setSeriesPaint(k, COLORS.get(k));
        }
        chart.getLegend().setPosition(RectangleEdge.TOP);
        chart.getLegend().setFrame(BlockBorder.NONE);
        List<List<String>> rows = sweeps.stream().map(s -> List.of(s.firstAsOf(), Long.toString(s.ok()),
                Long.toString(s.empty()), Long.toString(s.throttled()), Long.toString(s.failed()))).toList();
        String alt = altText(sweeps);
        String svg = ChartCanvas.write(chart, ChartCanvas.WIDTH, 560, file, "chart-crawl", title, alt);
        List<String> header = new ArrayList<>(List.of("sweep (first as of, UTC)"));
        header.addAll(OUTCOMES);
        return new ChartImage(file.getFileName().toString(), "Crawl coverage", alt, svg, header, rows);
    }

    /** What the chart shows and its finding, in words: how many district reads brought data, and the worst sweep. */
    static String altText(List<Sweep> sweeps) {
        if (sweeps.isEmpty()) {
            return "Stacked bar chart of the districts each sweep read, by outcome: no sweep fetched districts by id in the range.";
        }
        long read = 0;
        long total = 0;
        Sweep worst = sweeps.get(0);
        for (Sweep s : sweeps) {
            read += s.ok() + s.empty();
            total += s.total();
            if ((s.ok() + s.empty()) * worst.total() < (worst.ok() + worst.empty()) * s.total()) {
                worst = s;
            }
        }
        String what = "Stacked bar chart of the districts each of " + sweeps.size() + (sweeps.size() == 1 ? " sweep" : " sweeps")
                + " read, by outcome (ok, empty, throttled, failed), from " + sweeps.get(0).firstAsOf() + " to "
                + sweeps.get(sweeps.size() - 1).firstAsOf();
        if (read == total) {
            return what + ": every sweep read every district it fetched (" + total + " district fetches).";
        }
        return what + ": " + read + " of " + total + " district fetches brought data (ok or empty); the sweep with the"
                + " least, at " + worst.firstAsOf() + ", read " + (worst.ok() + worst.empty()) + " of " + worst.total() + ".";
    }
}
