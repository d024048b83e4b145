package org.vaxslots.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * What the pack's charts share: one look (fonts of the JDK's logical SansSerif family, white
 * background, flat bars), the title, subtitle and source line in the image, and the writing of one
 * {@link JFreeChart} as a PNG file and as SVG markup for the page. Same data, same bytes: no clock,
 * no randomness, numbers formatted in {@link Locale#ROOT}, and the SVG's ids fixed by the chart's
 * own prefix (JFreeSVG would otherwise prefix its defs and clip ids with the time).
 */
final class ChartCanvas {
    static final String SOURCE = "Source: Co-WIN public API, snapshots archived and measured by vaxslots."
            + " See README.md for definitions and caveats.";
    static final Color INK = new Color(0x22, 0x22, 0x22);
    static final Color GRID = new Color(0xdd, 0xdd, 0xdd);
    static final Color BAR = new Color(0x2b, 0x6c, 0xb0);
    static final Color NO_DATA = new Color(0xbb, 0xbb, 0xbb);
    static final int WIDTH = 1000;

    private ChartCanvas() {}

    /** The heat map's colour for a share 0..1 of the largest value: from near white to dark blue. */
    static Color shade(double t) {
        t = Math.max(0, Math.min(1, t));
        return new Color((int) Math.round(247 - t * (247 - 8)), (int) Math.round(251 - t * (251 - 48)),
                (int) Math.round(255 - t * (255 - 107)));
    }

    /** A number format of the pack: Locale.ROOT symbols, so every machine writes the same digits. */
    static DecimalFormat format(String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    /** Applies the pack's look and adds the title, the subtitle and the source line to {@code chart}. */
    static void style(JFreeChart chart, String title, String subtitle) {
        StandardChartTheme theme = new StandardChartTheme("vaxslots");
        theme.setExtraLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        theme.setLargeFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        theme.setRegularFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        theme.setSmallFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        theme.setTitlePaint(INK);
        theme.setSubtitlePaint(INK);
        theme.setAxisLabelPaint(INK);
        theme.setTickLabelPaint(INK);
        theme.setItemLabelPaint(INK);
        theme.setLegendItemPaint(INK);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setLegendBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setPlotOutlinePaint(GRID);
        theme.setDomainGridlinePaint(GRID);
        theme.setRangeGridlinePaint(GRID);
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        theme.apply(chart);
        chart.setPadding(new RectangleInsets(10, 20, 10, 20));
        TextTitle head = new TextTitle(title, new Font(Font.SANS_SERIF, Font.BOLD, 18));
        head.setPaint(INK);
        head.setHorizontalAlignment(HorizontalAlignment.LEFT);
        chart.setTitle(head);
        TextTitle sub = new TextTitle(subtitle, new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        sub.setPaint(INK);
        sub.setHorizontalAlignment(HorizontalAlignment.LEFT);
        sub.setPadding(new RectangleInsets(4, 0, 8, 0));
        chart.addSubtitle(0, sub);
        TextTitle source = new TextTitle(SOURCE, new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        source.setPaint(new Color(0x66, 0x66, 0x66));
        source.setPosition(RectangleEdge.BOTTOM);
        source.setHorizontalAlignment(HorizontalAlignment.LEFT);
        source.setPadding(new RectangleInsets(8, 0, 0, 0));
        chart.addSubtitle(source);
    }

    /**
     * Writes {@code chart} as a PNG of {@code width} x {@code height} pixels to {@code file} and
     * returns the same drawing as one {@code <svg>} element (no XML prologue) whose ids all start
     * with {@code id}, with a {@code <title>} and a {@code <desc>} a screen reader announces.
     */
    static String write(JFreeChart chart, int width, int height, Path file, String id, String title, String desc)
            throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(img, "png", file.toFile())) {
            throw new IOException("no PNG writer in this JDK for " + file);
        }
        SVGGraphics2D svg = new SVGGraphics2D(width, height);
        svg.setDefsKeyPrefix(id + "-");
        chart.draw(svg, new Rectangle2D.Double(0, 0, width, height));
        String markup = svg.getSVGElement(id, false, new ViewBox(0, 0, width, height), null, null);
        int open = markup.indexOf('>') + 1;
        return markup.substring(0, open - 1).replaceFirst("^<svg ", "<svg role=\"img\" aria-labelledby=\"" + id
                + "-title " + id + "-desc\" ") + ">" + "<title id=\"" + id + "-title\">" + xml(title) + "</title>"
                + "<desc id=\"" + id + "-desc\">" + xml(desc) + "</desc>" + markup.substring(open);
    }

    static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
