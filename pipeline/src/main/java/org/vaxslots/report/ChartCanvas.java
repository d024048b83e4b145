package org.vaxslots.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * What the pack's charts share when drawn with the JDK alone (headless AWT): a white canvas of the
 * pack's width, the title and subtitle, the source line, the palette and the PNG writer. Same
 * data, same pixels: no clock, no randomness, one font family.
 */
final class ChartCanvas {
    static final String SOURCE = "Source: Co-WIN public API, snapshots archived and measured by vaxslots.";
    static final Color INK = new Color(0x22, 0x22, 0x22);
    static final Color GRID = new Color(0xdd, 0xdd, 0xdd);
    static final Color BAR = new Color(0x2b, 0x6c, 0xb0);
    static final int WIDTH = 1000;

    private ChartCanvas() {}

    /** The heat map's colour for a share 0..1 of the largest value: from near white to dark blue. */
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

    /** {@code s} cut with "..." to fit {@code width} pixels in the current font. */
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
