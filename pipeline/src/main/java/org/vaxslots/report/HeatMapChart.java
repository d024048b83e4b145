package org.vaxslots.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The pack's heat map ({@link Charts#HEAT_MAP}): district x hour of day (IST), the mean open slots at
 * that hour over the days with data, for the districts with the most open slots.
 */
final class HeatMapChart {
    private HeatMapChart() {}

    /**
     * District label → mean open slots per hour of day (index 0..23; NaN: no sweep with data at that
     * hour), most open slots first: notebooks-sql/pack/chart_open_slots_by_hour.sql.
     */
    static Map<String, double[]> rows(Connection c) throws SQLException {
        Map<String, double[]> rows = new LinkedHashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(PackFacts.pack("chart_open_slots_by_hour"))) {
            while (rs.next()) {
                double[] hours = rows.computeIfAbsent(CsvCells.neutralise(rs.getString(1)), k -> {
                    double[] h = new double[24];
                    Arrays.fill(h, Double.NaN);
                    return h;
                });
                hours[rs.getInt(2)] = rs.getDouble(3);
            }
        }
        return rows;
    }

    static void draw(Map<String, double[]> rows, Path file) throws IOException {
        int labelW = 300;
        int cell = 26;
        int top = 110;
        int height = top + Math.max(1, rows.size()) * cell + 110;
        BufferedImage img = ChartCanvas.canvas(height);
        Graphics2D g = ChartCanvas.graphics(img);
        ChartCanvas.title(g, "When are slots open? Open slots by hour of day (India time)",
                "Mean open slots at that hour over the days with data, all age groups; grey: no sweep with data at that hour.");
        double max = rows.values().stream().flatMapToDouble(Arrays::stream).filter(v -> !Double.isNaN(v))
                .max().orElse(0);
        g.setFont(g.getFont().deriveFont(11f));
        for (int h = 0; h < 24; h++) {
            g.setColor(ChartCanvas.INK);
            g.drawString(String.format(Locale.ROOT, "%02d", h), labelW + h * cell + 6, top - 6);
        }
        int r = 0;
        for (Map.Entry<String, double[]> e : rows.entrySet()) {
            int y = top + r * cell;
            g.setColor(ChartCanvas.INK);
            g.drawString(ChartCanvas.fit(g, e.getKey(), labelW - 20), 20, y + 17);
            for (int h = 0; h < 24; h++) {
                double v = e.getValue()[h];
                g.setColor(Double.isNaN(v) ? new Color(0xbb, 0xbb, 0xbb) : ChartCanvas.shade(max > 0 ? v / max : 0));
                g.fillRect(labelW + h * cell, y, cell - 2, cell - 2);
            }
            r++;
        }
        if (rows.isEmpty()) {
            g.setColor(ChartCanvas.INK);
            g.drawString("No sweep with data in the range.", 20, top + 20);
        }
        int ly = top + Math.max(1, rows.size()) * cell + 20;
        g.setColor(ChartCanvas.INK);
        g.drawString("0", labelW, ly + 30);
        for (int i = 0; i <= 100; i++) {
            g.setColor(ChartCanvas.shade(i / 100.0));
            g.fillRect(labelW + 12 + i * 3, ly + 18, 3, 14);
        }
        g.setColor(ChartCanvas.INK);
        g.drawString(String.format(Locale.ROOT, "%.0f open slots", max), labelW + 12 + 306, ly + 30);
        ChartCanvas.footer(g, height);
        ChartCanvas.write(img, g, file);
    }
}
