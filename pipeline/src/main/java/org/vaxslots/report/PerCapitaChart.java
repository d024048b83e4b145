package org.vaxslots.report;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
     * The chart's day: the requested one, else the session date with the most districts read (a
     * district row with at least one sweep with data); ties go to the most districts that listed a
     * session, then the most district sweeps with data, then the earlier date. The last date of a
     * 7-day calendar is the sparsest, so it is never the default just for being last.
     */
    static Day choose(Connection c, LocalDate requested) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT CAST(session_date AS VARCHAR), count(DISTINCT district_id) FILTER (WHERE sweeps_with_data > 0)
                FROM district_age_group_daily
                GROUP BY session_date
                ORDER BY count(DISTINCT district_id) FILTER (WHERE sweeps_with_data > 0) DESC,
                    count(DISTINCT district_id) FILTER (WHERE sessions_listed > 0) DESC,
                    sum(sweeps_with_data) DESC, session_date""")) {
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

    /** Every district with a per-capita figure on the chart's day, highest first: what the chart draws from. */
    static List<Bar> bars(Connection c, Day day) throws SQLException {
        List<Bar> bars = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("""
                SELECT coalesce(district_name, 'district ' || district_id) || ', ' || coalesce(state_name, 'state unknown'), sum(open_capacity_per_100k)
                FROM district_age_group_daily
                WHERE session_date = CAST(? AS DATE)
                    AND open_capacity_per_100k IS NOT NULL
                GROUP BY session_date, district_name, state_name, district_id
                ORDER BY sum(open_capacity_per_100k) DESC, district_name, district_id""")) {
            st.setString(1, day.date());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    bars.add(new Bar(CsvCells.neutralise(rs.getString(1)), rs.getDouble(2)));
                }
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
        BufferedImage img = Charts.canvas(height);
        Graphics2D g = Charts.graphics(img);
        Charts.title(g, "Open slots per 100,000 residents, " + day.describe(),
                (cut ? "The 10 highest and 10 lowest districts" : "Every district with a population") + "; all age groups; peak"
                        + " open slots seen in any sweep (a lower bound); 0 = read, no slots.");
        int labelW = 330;
        int plotW = Charts.WIDTH - labelW - 110;
        double max = shown.stream().filter(b -> b != null).mapToDouble(Bar::value).max().orElse(0);
        if (shown.isEmpty()) {
            g.drawString("No district with a population was read on this day.", 20, top + 20);
        }
        for (int i = 0; i < shown.size(); i++) {
            Bar b = shown.get(i);
            int y = top + i * rowH;
            g.setColor(Charts.INK);
            if (b == null) {
                g.drawString("...", labelW - 20, y + 16);
                continue;
            }
            g.drawString(Charts.fit(g, b.label(), labelW - 20), 20, y + 16);
            int w = max > 0 ? (int) Math.round(plotW * b.value() / max) : 0;
            g.setColor(Charts.BAR);
            g.fillRect(labelW, y + 4, Math.max(w, 1), rowH - 8);
            g.setColor(Charts.INK);
            g.drawString(String.format(java.util.Locale.ROOT, "%.2f", b.value()), labelW + w + 6, y + 16);
        }
        Charts.footer(g, height);
        Charts.write(img, g, file);
    }
}
