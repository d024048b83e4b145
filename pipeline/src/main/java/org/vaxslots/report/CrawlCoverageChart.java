package org.vaxslots.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The pack's crawl coverage chart ({@link Charts#CRAWL}): per sweep, the districts read ok, empty,
 * throttled and failed, stacked, so "no data" is never mistaken for "no slots".
 */
final class CrawlCoverageChart {
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

    static void draw(List<Sweep> sweeps, Path file) throws IOException {
        Color[] colors = {new Color(0x2e, 0x8b, 0x57), new Color(0x9a, 0xcd, 0x32), new Color(0xf0, 0x9a, 0x1a),
                new Color(0xc0, 0x39, 0x2b)};
        String[] names = {"ok", "empty (no slots)", "throttled (no data)", "failed (no data)"};
        int height = 520;
        int left = 80;
        int top = 110;
        int plotH = 300;
        int plotW = ChartCanvas.WIDTH - left - 40;
        BufferedImage img = ChartCanvas.canvas(height);
        Graphics2D g = ChartCanvas.graphics(img);
        ChartCanvas.title(g, "Crawl coverage: which districts each sweep could read",
                "Districts fetched per sweep, by outcome. Throttled and failed districts are no data, never \"no slots\".");
        long max = sweeps.stream().mapToLong(Sweep::total).max().orElse(0);
        g.setColor(ChartCanvas.GRID);
        g.setStroke(new BasicStroke(1));
        g.drawLine(left, top + plotH, left + plotW, top + plotH);
        g.setColor(ChartCanvas.INK);
        g.drawString(Long.toString(max), left - 40, top + 10);
        g.drawString("districts", left - 70, top - 14);
        g.drawString("0", left - 20, top + plotH);
        double slot = sweeps.isEmpty() ? plotW : (double) plotW / sweeps.size();
        for (int i = 0; i < sweeps.size(); i++) {
            Sweep sweep = sweeps.get(i);
            long[] s = {sweep.ok(), sweep.empty(), sweep.throttled(), sweep.failed()};
            int x = left + (int) Math.round(i * slot);
            int w = Math.max(1, (int) Math.round(slot * 0.8));
            int y = top + plotH;
            for (int k = 0; k < 4; k++) {
                int h = max > 0 ? (int) Math.round(plotH * (double) s[k] / max) : 0;
                g.setColor(colors[k]);
                g.fillRect(x, y - h, w, h);
                y -= h;
            }
            long total = sweep.total();
            if (sweeps.size() <= 40 && total > 0) {
                String pct = Math.round(100.0 * (s[0] + s[1]) / total) + "%";
                g.setColor(ChartCanvas.INK);
                g.drawString(pct, x + (w - g.getFontMetrics().stringWidth(pct)) / 2, y - 4);
            }
        }
        if (sweeps.isEmpty()) {
            g.drawString("No sweep fetched districts by id in the range.", left + 10, top + 40);
        } else {
            g.setColor(ChartCanvas.INK);
            g.drawString(sweeps.get(0).firstAsOf(), left, top + plotH + 20);
            String last = sweeps.get(sweeps.size() - 1).firstAsOf();
            g.drawString(last, left + plotW - g.getFontMetrics().stringWidth(last), top + plotH + 20);
        }
        int lx = left;
        for (int k = 0; k < 4; k++) {
            g.setColor(colors[k]);
            g.fillRect(lx, top + plotH + 40, 14, 14);
            g.setColor(ChartCanvas.INK);
            g.drawString(names[k], lx + 20, top + plotH + 52);
            lx += 40 + g.getFontMetrics().stringWidth(names[k]);
        }
        ChartCanvas.footer(g, height);
        ChartCanvas.write(img, g, file);
    }
}
