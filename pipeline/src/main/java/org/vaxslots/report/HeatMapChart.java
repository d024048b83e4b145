package org.vaxslots.report;

import java.awt.Color;
import java.awt.Paint;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;

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

    /** Draws the heat map into {@code file}; the data table is the grid drawn, a row per district. */
    static ChartImage write(Map<String, double[]> rows, Path file) throws IOException {
        List<String> districts = List.copyOf(rows.keySet());
        double max = rows.values().stream().flatMapToDouble(Arrays::stream).filter(v -> !Double.isNaN(v))
                .max().orElse(0);
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        if (!rows.isEmpty()) {
            double[][] cells = new double[3][districts.size() * 24];
            for (int d = 0; d < districts.size(); d++) {
                for (int h = 0; h < 24; h++) {
                    int i = d * 24 + h;
                    cells[0][i] = h;
                    cells[1][i] = d;
                    cells[2][i] = rows.get(districts.get(d))[h];
                }
            }
            dataset.addSeries("mean open slots", cells);
        }
        NumberAxis hours = new NumberAxis("hour of day (India time)");
        hours.setRange(-0.5, 23.5);
        hours.setTickUnit(new NumberTickUnit(1, ChartCanvas.format("00")));
        hours.setLowerMargin(0);
        hours.setUpperMargin(0);
        SymbolAxis names = new SymbolAxis(null, districts.isEmpty() ? new String[] {""} : districts.toArray(String[]::new));
        names.setInverted(true);
        names.setRange(-0.5, Math.max(1, districts.size()) - 0.5);
        names.setGridBandsVisible(false);
        XYBlockRenderer renderer = new XYBlockRenderer();
        Shade scale = new Shade(max);
        renderer.setPaintScale(scale);
        XYPlot plot = new XYPlot(dataset, hours, names, renderer);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setNoDataMessage("No sweep with data in the range.");
        plot.setNoDataMessagePaint(ChartCanvas.INK);
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        String title = "When are slots open? Open slots by hour of day (India time)";
        ChartCanvas.style(chart, title,
                "Mean open slots at that hour over the days with data, all age groups; grey: no sweep with data at that hour.");
        NumberAxis legendAxis = new NumberAxis("mean open slots (" + ChartCanvas.format("0").format(max) + " at most)");
        legendAxis.setStandardTickUnits(NumberAxis.createStandardTickUnits(Locale.ROOT));
        legendAxis.setRange(0, scale.getUpperBound());
        PaintScaleLegend legend = new PaintScaleLegend(scale, legendAxis);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setStripWidth(14);
        legend.setMargin(new RectangleInsets(6, 280, 0, 280));
        legend.setBackgroundPaint(Color.WHITE);
        // Bottom subtitles are laid out from the edge inwards: after the source line, the legend sits above it.
        chart.addSubtitle(legend);
        int height = 260 + Math.max(1, districts.size()) * 26;
        List<String> header = new ArrayList<>(List.of("district"));
        for (int h = 0; h < 24; h++) {
            header.add(String.format(Locale.ROOT, "%02d", h));
        }
        List<List<String>> table = new ArrayList<>();
        for (String d : districts) {
            List<String> row = new ArrayList<>(List.of(d));
            for (double v : rows.get(d)) {
                row.add(Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.1f", v));
            }
            table.add(row);
        }
        String alt = altText(rows);
        String svg = ChartCanvas.write(chart, ChartCanvas.WIDTH, height, file, "chart-by-hour", title, alt);
        return new ChartImage(file.getFileName().toString(), "Open slots by hour of day (IST)", alt, svg, header, table);
    }

    /** What the heat map shows and its finding, in words: the cell with the most open slots. */
    static String altText(Map<String, double[]> rows) {
        String what = "Heat map of mean open slots by district and hour of day, India time, for the " + rows.size()
                + (rows.size() == 1 ? " district" : " districts") + " with the most open slots";
        String best = null;
        int bestHour = -1;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, double[]> e : rows.entrySet()) {
            for (int h = 0; h < 24; h++) {
                double v = e.getValue()[h];
                if (!Double.isNaN(v) && v > bestValue) {
                    best = e.getKey();
                    bestHour = h;
                    bestValue = v;
                }
            }
        }
        if (best == null) {
            return "Heat map of mean open slots by district and hour of day, India time: no sweep with data in the range.";
        }
        return what + ": the most were in " + best + " at " + String.format(Locale.ROOT, "%02d:00", bestHour) + " ("
                + String.format(Locale.ROOT, "%.1f", bestValue) + " open slots on average); grey cells are hours without data.";
    }

    /** The heat map's colours: grey for no data (NaN), else a share of the largest mean. */
    static final class Shade implements PaintScale, Serializable {
        private final double max;

        Shade(double max) {
            this.max = max;
        }

        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return max > 0 ? max : 1;
        }

        @Override
        public Paint getPaint(double value) {
            return Double.isNaN(value) ? ChartCanvas.NO_DATA : ChartCanvas.shade(max > 0 ? value / max : 0);
        }
    }
}
