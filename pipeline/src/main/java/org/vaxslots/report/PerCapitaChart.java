package org.vaxslots.report;

import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The pack's per-capita chart ({@link Charts#PER_100K}): open slots per 100,000 residents by
 * district on one session date, the one with the most districts read unless
 * {@code report --chart-date} chooses another; the title says which.
 */
final class PerCapitaChart {
    private PerCapitaChart() {}

    /** The one series of the bar chart. */
    static final String SERIES = "open slots per 100,000 residents";

    record Bar(String label, double value) {}

    /**
     * The session date the per-capita chart shows, how many districts were read on it, and whether
     * {@code report --chart-date} chose it; date is null when no district row exists.
     */
    record Day(String date, long districtsRead, boolean chosen) {
        String describe() {
            if (date == null) {
                return "no session date";
            }
            return date + (chosen ? " (chosen; " + districtsRead + " districts read)"
                    : ", the day with the most districts read (" + districtsRead + ")");
        }
    }

    /**
     * The chart's day: the requested one, else the first of notebooks-sql/pack/chart_day_candidates.sql
     * (the session date with the most districts read; its header says how ties go).
     */
    static Day choose(Connection c, LocalDate requested) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(PackFacts.pack("chart_day_candidates"))) {
            String best = null;
            long bestRead = 0;
            while (rs.next()) {
                if (best == null) {
                    best = rs.getString(1);
                    bestRead = rs.getLong(2);
                }
                if (requested != null && requested.toString().equals(rs.getString(1))) {
                    return new Day(requested.toString(), rs.getLong(2), true);
                }
            }
            return requested != null ? new Day(requested.toString(), 0, true) : new Day(best, bestRead, false);
        }
    }

    /**
     * Every district with a per-capita figure on the chart's day, highest first: what the chart draws
     * from (notebooks-sql/pack/chart_per_capita_bars.sql, for the variable chart_date).
     */
    static List<Bar> bars(Connection c, Day day) throws SQLException {
        List<Bar> bars = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            st.execute("SET VARIABLE chart_date = " + (day.date() == null ? "CAST(NULL AS DATE)" : "DATE '" + LocalDate.parse(day.date()) + "'"));
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(PackFacts.pack("chart_per_capita_bars"))) {
            while (rs.next()) {
                bars.add(new Bar(CsvCells.neutralise(rs.getString(1)), rs.getDouble(2)));
            }
        }
        return bars;
    }

    /**
     * Draws the top and bottom districts by open slots per 100k residents on the chart's day (all of
     * them up to 20) into {@code file}; the data table is every district with a figure.
     */
    static ChartImage write(Connection c, Path file, Day day) throws SQLException, IOException {
        List<Bar> bars = bars(c, day);
        List<Bar> shown = bars;
        boolean cut = bars.size() > 20;
        if (cut) {
            shown = new ArrayList<>(bars.subList(0, 10));
            shown.add(null);
            shown.addAll(bars.subList(bars.size() - 10, bars.size()));
        }
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        Set<String> seen = new HashSet<>();
        for (Bar b : shown) {
            String label = b == null ? "..." : b.label();
            for (int n = 2; !seen.add(label); n++) {
                label = (b == null ? "..." : b.label()) + " (" + n + ")";
            }
            dataset.addValue(b == null ? null : b.value(), SERIES, label);
        }
        JFreeChart chart = ChartFactory.createBarChart(null, null, "open slots per 100,000 residents", dataset,
                PlotOrientation.HORIZONTAL, false, false, false);
        String title = "Open slots per 100,000 residents, " + day.describe();
        ChartCanvas.style(chart, title, (cut ? "The 10 highest and 10 lowest districts" : "Every district with a population")
                + "; all age groups; peak open slots seen in any sweep (a lower bound); 0 = read, no slots.");
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        plot.setNoDataMessage("No district with a population was read on this day.");
        plot.setNoDataMessagePaint(ChartCanvas.INK);
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.45f);
        NumberAxis values = (NumberAxis) plot.getRangeAxis();
        values.setStandardTickUnits(NumberAxis.createStandardTickUnits(Locale.ROOT));
        values.setUpperMargin(0.12);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, ChartCanvas.BAR);
        renderer.setMaximumBarWidth(0.7);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", ChartCanvas.format("0.00")));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        int height = 170 + Math.max(1, shown.size()) * 24;
        List<List<String>> rows = bars.stream()
                .map(b -> List.of(b.label(), String.format(Locale.ROOT, "%.2f", b.value()))).toList();
        String alt = altText(day, bars);
        String svg = ChartCanvas.write(chart, ChartCanvas.WIDTH, height, file, "chart-per-100k", title, alt);
        return new ChartImage(file.getFileName().toString(), "Open slots per 100,000 people, by district", alt, svg,
                List.of("district", "open slots per 100,000 residents"), rows);
    }

    /** What the chart shows and its finding, in words: the highest and the lowest district. */
    static String altText(Day day, List<Bar> bars) {
        String what = "Bar chart of open slots per 100,000 residents by district on " + (day.date() == null ? "no session date" : day.date())
                + ", all age groups together";
        if (bars.isEmpty()) {
            return what + ": no district with a population was read on this day.";
        }
        Bar top = bars.get(0);
        Bar bottom = bars.get(bars.size() - 1);
        String of = bars.size() == 1 ? "1 district" : bars.size() + " districts";
        if (bars.size() == 1) {
            return what + ": " + of + " with a population was read, " + top.label() + ", with " + per100k(top) + ".";
        }
        return what + ": of " + of + " read, " + top.label() + " had the most (" + per100k(top) + ") and "
                + bottom.label() + " the fewest (" + per100k(bottom) + ").";
    }

    private static String per100k(Bar b) {
        return String.format(Locale.ROOT, "%.2f per 100,000", b.value());
    }
}
