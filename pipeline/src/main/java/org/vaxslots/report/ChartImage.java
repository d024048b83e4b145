package org.vaxslots.report;

import java.util.List;

/**
 * One chart of the pack as the page shows it: the PNG file kept in the folder, its title, the
 * alt text a screen reader says, the chart as inline SVG markup (null until it is drawn as SVG;
 * the page then shows the PNG), and the data table behind it (header and rows, as plain text).
 */
public record ChartImage(String file, String title, String altText, String svg, List<String> header,
        List<List<String>> rows) {
    public ChartImage {
        header = List.copyOf(header);
        rows = rows.stream().map(List::copyOf).toList();
    }
}
