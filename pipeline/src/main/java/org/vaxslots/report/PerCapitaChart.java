package org.vaxslots.report;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The pack's per-capita chart ({@link Charts#PER_100K}): open slots per 100,000 residents by
 * district on one session date, the one with the most districts read unless
 * {@code report --chart-date} chooses another; the title says which.
 */
final class PerCapitaChart {
    private PerCapitaChart() {}

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

    /** Top and bottom districts by open slots per 100k residents on the chart's day (all of them up to 20). */
    static void draw(Connection c, Path file, Day day) throws SQLException, IOException {
        List<Bar> bars = bars(c, day);
        List<Bar> shown = bars;
        boolean cut = bars.size() > 20;
        if (cut) {
            shown = new ArrayList<>(bars.subList(0, 10));
            shown.add(null);
            shown.addAll(bars.subList(bars.size() - 10, bars.size()));
        }
        int rowH = 24;
        int top = 90;
        int height = top + Math.max(1, shown.size()) * rowH + 60;
        BufferedImage img = ChartCanvas.canvas(height);
        Graphics2D g = ChartCanvas.graphics(img);
        ChartCanvas.title(g, "Open slots per 100,000 residents, " + day.describe(),
                (cut ? "The 10 highest and 10 lowest districts" : "Every district with a population") + "; all age groups; peak"
                        + " open slots seen in any sweep (a lower bound); 0 = read, no slots.");
        int labelW = 330;
        int plotW = ChartCanvas.WIDTH - labelW - 110;
        double max = shown.stream().filter(b -> b != null).mapToDouble(Bar::value).max().orElse(0);
        if (shown.isEmpty()) {
            g.drawString("No district with a population was read on this day.", 20, top + 20);
        }
        for (int i = 0; i < shown.size(); i++) {
            Bar b = shown.get(i);
            int y = top + i * rowH;
            g.setColor(ChartCanvas.INK);
            if (b == null) {
                g.drawString("...", labelW - 20, y + 16);
                continue;
            }
            g.drawString(ChartCanvas.fit(g, b.label(), labelW - 20), 20, y + 16);
            int w = max > 0 ? (int) Math.round(plotW * b.value() / max) : 0;
            g.setColor(ChartCanvas.BAR);
            g.fillRect(labelW, y + 4, Math.max(w, 1), rowH - 8);
            g.setColor(ChartCanvas.INK);
            g.drawString(String.format(java.util.Locale.ROOT, "%.2f", b.value()), labelW + w + 6, y + 16);
        }
        ChartCanvas.footer(g, height);
        ChartCanvas.write(img, g, file);
    }
}
