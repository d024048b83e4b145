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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The pack's PNG charts (the per-capita one drawn by {@link PerCapitaChart}), with the JDK alone
 * (headless AWT): same marts, same pixels. Each
 * chart says what it shows, its unit and its source in the image itself, so it survives being
 * copied out of the pack.
 */
final class Charts {
    static final String PER_100K = "chart_open_capacity_per_100k_by_district.png";
    static final String HEAT_MAP = "chart_open_slots_by_hour.png";
    static final String CRAWL = "chart_crawl_coverage.png";
    static final String SOURCE = "Source: Co-WIN public API, snapshots archived and measured by vaxslots.";
    static final Color INK = new Color(0x22, 0x22, 0x22);
    static final Color GRID = new Color(0xdd, 0xdd, 0xdd);
    static final Color BAR = new Color(0x2b, 0x6c, 0xb0);
    static final int WIDTH = 1000;

    private Charts() {}

    /** Draws the three charts into {@code dir}; returns them in page order. */
    static List<ChartImage> writeAll(Connection c, Path dir, PerCapitaChart.Day day) throws SQLException, IOException {
        System.setProperty("java.awt.headless", "true");
        PerCapitaChart.draw(c, dir.resolve(PER_100K), day);
        heatMap(c, dir.resolve(HEAT_MAP));
        crawl(c, dir.resolve(CRAWL));
        // SVG and the data tables come with the JFreeChart drawing (issue 15); until then the page shows the PNGs.
        return List.of(
                new ChartImage(PER_100K, "Open slots per 100,000 people, by district", "Bar chart of open slots per 100,000 people by district and age group on " + day.date() + ".", null, List.of(), List.of()),
                new ChartImage(HEAT_MAP, "Open slots by hour of day (IST)", "Heat map of mean open slots by district and hour of day.", null, List.of(), List.of()),
                new ChartImage(CRAWL, "Crawl coverage", "Chart of how many districts each sweep read.", null, List.of(), List.of()));
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

    static Color shade(double t) {
        t = Math.max(0, Math.min(1, t));
        return new Color((int) Math.round(247 - t * (247 - 8)), (int) Math.round(251 - t * (251 - 48)),
                (int) Math.round(255 - t * (255 - 107)));
    }

    static BufferedImage canvas(int height) {
        return new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
    }

    static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        return g;
    }

    static void title(Graphics2D g, String title, String subtitle) {
        g.setColor(INK);
        g.setFont(g.getFont().deriveFont(Font.BOLD, 18f));
        g.drawString(title, 20, 34);
        g.setFont(g.getFont().deriveFont(Font.PLAIN, 13f));
        g.drawString(subtitle, 20, 58);
    }

    static void footer(Graphics2D g, int height) {
        g.setFont(g.getFont().deriveFont(Font.PLAIN, 11f));
        g.setColor(new Color(0x66, 0x66, 0x66));
        g.drawString(SOURCE + " See README.md for definitions and caveats.", 20, height - 14);
    }

    static String fit(Graphics2D g, String s, int width) {
        if (g.getFontMetrics().stringWidth(s) <= width) {
            return s;
        }
        String t = s;
        while (t.length() > 1 && g.getFontMetrics().stringWidth(t + "...") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "...";
    }

    static void write(BufferedImage img, Graphics2D g, Path file) throws IOException {
        g.dispose();
        if (!ImageIO.write(img, "png", file.toFile())) {
            throw new IOException("no PNG writer in this JDK for " + file);
        }
    }
}
