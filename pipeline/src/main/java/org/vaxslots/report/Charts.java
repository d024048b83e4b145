package org.vaxslots.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The pack's PNG charts, drawn with the JDK alone (headless AWT): same marts, same pixels. Each
 * chart says what it shows, its unit and its source in the image itself, so it survives being
 * copied out of the pack.
 */
final class Charts {
    static final String PER_100K = "chart_open_capacity_per_100k_by_district.png";
    static final String HEAT_MAP = "chart_open_slots_by_hour.png";
    static final String CRAWL = "chart_crawl_coverage.png";
    private static final String SOURCE = "Source: Co-WIN public API, snapshots archived and measured by vaxslots.";
    private static final Color INK = new Color(0x22, 0x22, 0x22);
    private static final Color GRID = new Color(0xdd, 0xdd, 0xdd);
    private static final Color BAR = new Color(0x2b, 0x6c, 0xb0);
    private static final int WIDTH = 1000;

    record Bar(String label, double value) {}

    /**
     * The session date the per-capita chart shows, how many districts were read on it, and whether
     * {@code report --chart-date} chose it; date is null when no district row exists.
     */
    record ChartDay(String date, long districtsRead, boolean chosen) {
        String describe() {
            if (date == null) {
                return "no session date";
            }
            return date + (chosen ? " (chosen; " + districtsRead + " districts read)"
                    : ", the day with the most districts read (" + districtsRead + ")");
        }
    }

    private Charts() {}

    static void writeAll(Connection c, Path dir, ChartDay day) throws SQLException, IOException {
        System.setProperty("java.awt.headless", "true");
        perCapita(c, dir.resolve(PER_100K), day);
        heatMap(c, dir.resolve(HEAT_MAP));
        crawl(c, dir.resolve(CRAWL));
    }

    /**
     * The chart's day: the requested one, else the session date with the most districts read (a
     * district row with at least one sweep with data); ties go to the most districts that listed a
     * session, then the most district sweeps with data, then the earlier date. The last date of a
     * 7-day calendar is the sparsest, so it is never the default just for being last.
     */
    static ChartDay chartDay(Connection c, LocalDate requested) throws SQLException {
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
                    return new ChartDay(requested.toString(), rs.getLong(2), true);
                }
            }
            return requested != null ? new ChartDay(requested.toString(), 0, true) : new ChartDay(best, bestRead, false);
        }
    }

    /** Top and bottom districts by open slots per 100k residents on the chart's day. */
    static void perCapita(Connection c, Path file, ChartDay day) throws SQLException, IOException {
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
        BufferedImage img = canvas(height);
        Graphics2D g = graphics(img);
        title(g, "Open slots per 100,000 residents, " + day.describe(),
                (cut ? "The 10 highest and 10 lowest districts" : "Every district with a population") + "; all age groups; peak"
                        + " open slots seen in any sweep (a lower bound); 0 = read, no slots.");
        int labelW = 330;
        int plotW = WIDTH - labelW - 110;
        double max = shown.stream().filter(b -> b != null).mapToDouble(Bar::value).max().orElse(0);
        if (shown.isEmpty()) {
            g.drawString("No district with a population was read on this day.", 20, top + 20);
        }
        for (int i = 0; i < shown.size(); i++) {
            Bar b = shown.get(i);
            int y = top + i * rowH;
            g.setColor(INK);
            if (b == null) {
                g.drawString("...", labelW - 20, y + 16);
                continue;
            }
            g.drawString(fit(g, b.label(), labelW - 20), 20, y + 16);
            int w = max > 0 ? (int) Math.round(plotW * b.value() / max) : 0;
            g.setColor(BAR);
            g.fillRect(labelW, y + 4, Math.max(w, 1), rowH - 8);
            g.setColor(INK);
            g.drawString(String.format(java.util.Locale.ROOT, "%.2f", b.value()), labelW + w + 6, y + 16);
        }
        footer(g, height);
        write(img, g, file);
    }

    /** District x hour of day: mean open slots at that hour over the days with data. */
    static void heatMap(Connection c, Path file) throws SQLException, IOException {
        Map<String, double[]> rows = new LinkedHashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                WITH per_hour AS (
                    SELECT district_id, district_name, state_name, as_of_date_ist, as_of_hour_ist, sum(open_capacity) AS open_capacity
                    FROM district_age_group_hourly
                    GROUP BY district_id, district_name, state_name, as_of_date_ist, as_of_hour_ist
                ),
                ranked AS (
                    SELECT district_id, sum(open_capacity) AS total FROM per_hour GROUP BY district_id
                    ORDER BY total DESC, district_id LIMIT 25
                )
                SELECT coalesce(per_hour.district_name, 'district ' || per_hour.district_id) || ', ' || coalesce(per_hour.state_name, 'state unknown'), per_hour.as_of_hour_ist, avg(per_hour.open_capacity)
                FROM per_hour INNER JOIN ranked ON ranked.district_id = per_hour.district_id
                GROUP BY ranked.total, per_hour.district_id, per_hour.district_name, per_hour.state_name, per_hour.as_of_hour_ist
                ORDER BY ranked.total DESC, per_hour.district_id, per_hour.as_of_hour_ist""")) {
            while (rs.next()) {
                double[] hours = rows.computeIfAbsent(CsvCells.neutralise(rs.getString(1)), k -> {
                    double[] h = new double[24];
                    java.util.Arrays.fill(h, Double.NaN);
                    return h;
                });
                hours[rs.getInt(2)] = rs.getDouble(3);
            }
        }
        int labelW = 300;
        int cell = 26;
        int top = 110;
        int height = top + Math.max(1, rows.size()) * cell + 110;
        BufferedImage img = canvas(height);
        Graphics2D g = graphics(img);
        title(g, "When are slots open? Open slots by hour of day (India time)",
                "Mean open slots at that hour over the days with data, all age groups; grey: no sweep with data at that hour.");
        double max = rows.values().stream().flatMapToDouble(java.util.Arrays::stream).filter(v -> !Double.isNaN(v))
                .max().orElse(0);
        g.setFont(g.getFont().deriveFont(11f));
        for (int h = 0; h < 24; h++) {
            g.setColor(INK);
            g.drawString(String.format(java.util.Locale.ROOT, "%02d", h), labelW + h * cell + 6, top - 6);
        }
        int r = 0;
        for (Map.Entry<String, double[]> e : rows.entrySet()) {
            int y = top + r * cell;
            g.setColor(INK);
            g.drawString(fit(g, e.getKey(), labelW - 20), 20, y + 17);
            for (int h = 0; h < 24; h++) {
                double v = e.getValue()[h];
                g.setColor(Double.isNaN(v) ? new Color(0xbb, 0xbb, 0xbb) : shade(max > 0 ? v / max : 0));
                g.fillRect(labelW + h * cell, y, cell - 2, cell - 2);
            }
            r++;
        }
        if (rows.isEmpty()) {
            g.setColor(INK);
            g.drawString("No sweep with data in the range.", 20, top + 20);
        }
        int ly = top + Math.max(1, rows.size()) * cell + 20;
        g.setColor(INK);
        g.drawString("0", labelW, ly + 30);
        for (int i = 0; i <= 100; i++) {
            g.setColor(shade(i / 100.0));
            g.fillRect(labelW + 12 + i * 3, ly + 18, 3, 14);
        }
        g.setColor(INK);
        g.drawString(String.format(java.util.Locale.ROOT, "%.0f open slots", max), labelW + 12 + 306, ly + 30);
        footer(g, height);
        write(img, g, file);
    }

    /** Per sweep: districts ok, empty, throttled and failed, stacked. */
    static void crawl(Connection c, Path file) throws SQLException, IOException {
        List<long[]> sweeps = new ArrayList<>();
        List<String> times = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT strftime(first_as_of_at, '%Y-%m-%d %H:%M UTC'), districts_ok, districts_empty, districts_throttled, districts_failed
                FROM sweep_crawl_coverage WHERE districts_attempted > 0 ORDER BY first_as_of_at, sweep_id""")) {
            while (rs.next()) {
                times.add(rs.getString(1));
                sweeps.add(new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)});
            }
        }
        Color[] colors = {new Color(0x2e, 0x8b, 0x57), new Color(0x9a, 0xcd, 0x32), new Color(0xf0, 0x9a, 0x1a),
                new Color(0xc0, 0x39, 0x2b)};
        String[] names = {"ok", "empty (no slots)", "throttled (no data)", "failed (no data)"};
        int height = 520;
        int left = 80;
        int top = 110;
        int plotH = 300;
        int plotW = WIDTH - left - 40;
        BufferedImage img = canvas(height);
        Graphics2D g = graphics(img);
        title(g, "Crawl coverage: which districts each sweep could read",
                "Districts fetched per sweep, by outcome. Throttled and failed districts are no data, never \"no slots\".");
        long max = sweeps.stream().mapToLong(s -> s[0] + s[1] + s[2] + s[3]).max().orElse(0);
        g.setColor(GRID);
        g.setStroke(new BasicStroke(1));
        g.drawLine(left, top + plotH, left + plotW, top + plotH);
        g.setColor(INK);
        g.drawString(Long.toString(max), left - 40, top + 10);
        g.drawString("districts", left - 70, top - 14);
        g.drawString("0", left - 20, top + plotH);
        double slot = sweeps.isEmpty() ? plotW : (double) plotW / sweeps.size();
        for (int i = 0; i < sweeps.size(); i++) {
            long[] s = sweeps.get(i);
            int x = left + (int) Math.round(i * slot);
            int w = Math.max(1, (int) Math.round(slot * 0.8));
            int y = top + plotH;
            for (int k = 0; k < 4; k++) {
                int h = max > 0 ? (int) Math.round(plotH * (double) s[k] / max) : 0;
                g.setColor(colors[k]);
                g.fillRect(x, y - h, w, h);
                y -= h;
            }
            long total = s[0] + s[1] + s[2] + s[3];
            if (sweeps.size() <= 40 && total > 0) {
                String pct = Math.round(100.0 * (s[0] + s[1]) / total) + "%";
                g.setColor(INK);
                g.drawString(pct, x + (w - g.getFontMetrics().stringWidth(pct)) / 2, y - 4);
            }
        }
        if (sweeps.isEmpty()) {
            g.drawString("No sweep fetched districts by id in the range.", left + 10, top + 40);
        } else {
            g.setColor(INK);
            g.drawString(times.get(0), left, top + plotH + 20);
            String last = times.get(times.size() - 1);
            g.drawString(last, left + plotW - g.getFontMetrics().stringWidth(last), top + plotH + 20);
        }
        int lx = left;
        for (int k = 0; k < 4; k++) {
            g.setColor(colors[k]);
            g.fillRect(lx, top + plotH + 40, 14, 14);
            g.setColor(INK);
            g.drawString(names[k], lx + 20, top + plotH + 52);
            lx += 40 + g.getFontMetrics().stringWidth(names[k]);
        }
        footer(g, height);
        write(img, g, file);
    }

    private static Color shade(double t) {
        t = Math.max(0, Math.min(1, t));
        return new Color((int) Math.round(247 - t * (247 - 8)), (int) Math.round(251 - t * (251 - 48)),
                (int) Math.round(255 - t * (255 - 107)));
    }

    private static BufferedImage canvas(int height) {
        return new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
    }

    private static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        return g;
    }

    private static void title(Graphics2D g, String title, String subtitle) {
        g.setColor(INK);
        g.setFont(g.getFont().deriveFont(Font.BOLD, 18f));
        g.drawString(title, 20, 34);
        g.setFont(g.getFont().deriveFont(Font.PLAIN, 13f));
        g.drawString(subtitle, 20, 58);
    }

    private static void footer(Graphics2D g, int height) {
        g.setFont(g.getFont().deriveFont(Font.PLAIN, 11f));
        g.setColor(new Color(0x66, 0x66, 0x66));
        g.drawString(SOURCE + " See README.md for definitions and caveats.", 20, height - 14);
    }

    private static String fit(Graphics2D g, String s, int width) {
        if (g.getFontMetrics().stringWidth(s) <= width) {
            return s;
        }
        String t = s;
        while (t.length() > 1 && g.getFontMetrics().stringWidth(t + "...") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "...";
    }

    private static void write(BufferedImage img, Graphics2D g, Path file) throws IOException {
        g.dispose();
        if (!ImageIO.write(img, "png", file.toFile())) {
            throw new IOException("no PNG writer in this JDK for " + file);
        }
    }
}
