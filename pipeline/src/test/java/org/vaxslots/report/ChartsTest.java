package org.vaxslots.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The pack's three charts over small marts made in DuckDB (the columns the pack/ SELECTs read):
 * same tables give the same PNG and SVG bytes, the SVG is XML with unique ids, a title and a
 * description, and each data table holds exactly the mart's values the chart draws.
 */
class ChartsTest {
    static final String DAILY = """
            CREATE TABLE district_age_group_daily AS
            SELECT CAST(session_date AS DATE) AS session_date, district_id, district_name, state_name, sweeps_with_data,
                sessions_listed, CAST(open_capacity_per_100k AS DOUBLE) AS open_capacity_per_100k
            FROM (VALUES
                ('2021-05-16', 1, 'Alpha', 'Kerala', 3, 2, 10.5),
                ('2021-05-16', 1, 'Alpha', 'Kerala', 3, 1, 2.25),
                ('2021-05-16', 2, 'Dadra & Nagar <Haveli>', 'Kerala', 3, 1, 0.0),
                ('2021-05-16', 3, '=Gamma', NULL, 2, 0, 4.0),
                ('2021-05-16', 4, 'Unmapped', 'Kerala', 2, 1, NULL),
                ('2021-05-17', 1, 'Alpha', 'Kerala', 1, 1, 1.0)
            ) AS t(session_date, district_id, district_name, state_name, sweeps_with_data, sessions_listed, open_capacity_per_100k)""";
    static final String HOURLY = """
            CREATE TABLE district_age_group_hourly AS
            SELECT district_id, district_name, state_name, CAST(as_of_date_ist AS DATE) AS as_of_date_ist,
                CAST(as_of_hour_ist AS INTEGER) AS as_of_hour_ist, CAST(open_capacity AS BIGINT) AS open_capacity
            FROM (VALUES
                (1, 'Alpha', 'Kerala', '2021-05-16', 9, 10),
                (1, 'Alpha', 'Kerala', '2021-05-17', 9, 20),
                (1, 'Alpha', 'Kerala', '2021-05-16', 10, 4),
                (2, 'Dadra & Nagar <Haveli>', 'Kerala', '2021-05-16', 9, 2)
            ) AS t(district_id, district_name, state_name, as_of_date_ist, as_of_hour_ist, open_capacity)""";
    static final String CRAWL = """
            CREATE TABLE sweep_crawl_coverage AS
            SELECT sweep_id, CAST(first_as_of_at AS TIMESTAMP) AS first_as_of_at, districts_attempted, districts_ok,
                districts_empty, districts_throttled, districts_failed
            FROM (VALUES
                ('s1', '2021-05-16 04:30:00', 4, 3, 1, 0, 0),
                ('s2', '2021-05-16 04:45:00', 4, 1, 0, 2, 1),
                ('s3', '2021-05-16 05:00:00', 0, 0, 0, 0, 0)
            ) AS t(sweep_id, first_as_of_at, districts_attempted, districts_ok, districts_empty, districts_throttled,
                districts_failed)""";

    static final List<List<String>> PER_100K_ROWS = List.of(
            List.of("Alpha, Kerala", "12.75"),
            List.of("'=Gamma, state unknown", "4.00"),
            List.of("Dadra & Nagar <Haveli>, Kerala", "0.00"));
    static final List<String> HOURS = List.of("district", "00", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10",
            "11", "12", "13", "14", "15", "16", "17", "18", "19", "20", "21", "22", "23");
    static final List<List<String>> CRAWL_ROWS = List.of(
            List.of("2021-05-16 04:30 UTC", "3", "1", "0", "0"),
            List.of("2021-05-16 04:45 UTC", "1", "0", "2", "1"));

    static Connection marts(boolean empty) throws Exception {
        Connection c = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement st = c.createStatement()) {
            for (String sql : List.of(DAILY, HOURLY, CRAWL)) {
                st.execute(sql + (empty ? " WHERE false" : ""));
            }
        }
        return c;
    }

    static List<ChartImage> draw(Connection c, Path dir) throws Exception {
        Files.createDirectories(dir);
        return Charts.writeAll(c, dir, PerCapitaChart.choose(c, null));
    }

    @Test
    void writeAll_sameTablesTwice_samePngAndSvgBytes(@TempDir Path dir) throws Exception {
        try (Connection c = marts(false)) {
            List<ChartImage> first = draw(c, dir.resolve("a"));
            List<ChartImage> second = draw(c, dir.resolve("b"));

            assertEquals(first, second);
            for (String png : List.of(Charts.PER_100K, Charts.HEAT_MAP, Charts.CRAWL)) {
                assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(png)), Files.readAllBytes(dir.resolve("b").resolve(png)), png);
                assertEquals(1000, ImageIO.read(dir.resolve("a").resolve(png).toFile()).getWidth(), png);
            }
        }
    }

    @Test
    void writeAll_svg_parsesWithUniqueFixedIdsTitleAndDescription(@TempDir Path dir) throws Exception {
        try (Connection c = marts(false)) {
            List<ChartImage> charts = draw(c, dir);

            Set<String> ids = new HashSet<>();
            List<String> roots = new ArrayList<>();
            for (ChartImage chart : charts) {
                assertTrue(chart.svg().startsWith("<svg "), chart.file() + ": no XML prologue");
                Document doc = parse(chart.svg());
                Element svg = doc.getDocumentElement();
                roots.add(svg.getAttribute("id"));
                assertEquals("img", svg.getAttribute("role"));
                assertEquals(svg.getAttribute("id") + "-title " + svg.getAttribute("id") + "-desc", svg.getAttribute("aria-labelledby"));
                assertEquals(chart.altText(), doc.getElementsByTagName("desc").item(0).getTextContent());
                NodeList all = doc.getElementsByTagName("*");
                for (int i = 0; i < all.getLength(); i++) {
                    String id = ((Element) all.item(i)).getAttribute("id");
                    if (!id.isEmpty()) {
                        assertTrue(id.startsWith(svg.getAttribute("id")), chart.file() + ": id " + id + " not under its chart's prefix");
                        assertTrue(ids.add(id), "id " + id + " twice on the page");
                    }
                }
                assertTrue(!chart.svg().contains("href=\"http") && !chart.svg().contains("url(http") && !chart.svg().contains("<script"),
                        chart.file() + ": no script, nothing fetched from the network");
            }
            assertEquals(List.of("chart-per-100k", "chart-by-hour", "chart-crawl"), roots);
        }
    }

    @Test
    void writeAll_dataTables_equalTheMartsValuesDrawn(@TempDir Path dir) throws Exception {
        try (Connection c = marts(false)) {
            List<ChartImage> charts = draw(c, dir);

            assertEquals(List.of(Charts.PER_100K, Charts.HEAT_MAP, Charts.CRAWL), charts.stream().map(ChartImage::file).toList());
            assertEquals(List.of("district", "open slots per 100,000 residents"), charts.get(0).header());
            assertEquals(PER_100K_ROWS, charts.get(0).rows());
            assertEquals(HOURS, charts.get(1).header());
            List<String> alpha = new ArrayList<>(List.of("Alpha, Kerala"));
            List<String> dadra = new ArrayList<>(List.of("Dadra & Nagar <Haveli>, Kerala"));
            for (int h = 0; h < 24; h++) {
                alpha.add(h == 9 ? "15.0" : h == 10 ? "4.0" : "");
                dadra.add(h == 9 ? "2.0" : "");
            }
            assertEquals(List.of(alpha, dadra), charts.get(1).rows());
            assertEquals(List.of("sweep (first as of, UTC)", "ok", "empty (no slots)", "throttled (no data)", "failed (no data)"),
                    charts.get(2).header());
            assertEquals(CRAWL_ROWS, charts.get(2).rows());
        }
    }

    @Test
    void writeAll_altText_saysWhatEachChartShowsAndItsFinding(@TempDir Path dir) throws Exception {
        try (Connection c = marts(false)) {
            List<ChartImage> charts = draw(c, dir);

            assertEquals("Bar chart of open slots per 100,000 residents by district on 2021-05-16, all age groups together: of 3"
                    + " districts read, Alpha, Kerala had the most (12.75 per 100,000) and Dadra & Nagar <Haveli>, Kerala the"
                    + " fewest (0.00 per 100,000).", charts.get(0).altText());
            assertEquals("Heat map of mean open slots by district and hour of day, India time, for the 2 districts with the most"
                    + " open slots: the most were in Alpha, Kerala at 09:00 (15.0 open slots on average); grey cells are hours"
                    + " without data.", charts.get(1).altText());
            assertEquals("Stacked bar chart of the districts each of 2 sweeps read, by outcome (ok, empty, throttled, failed),"
                    + " from 2021-05-16 04:30 UTC to 2021-05-16 04:45 UTC: 5 of 8 district fetches brought data (ok or empty);"
                    + " the sweep with the least, at 2021-05-16 04:45 UTC, read 1 of 4.", charts.get(2).altText());
        }
    }

    @Test
    void perCapita_moreThan20Districts_drawsTopAndBottom10ButTablesEvery(@TempDir Path dir) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("""
                    CREATE TABLE district_age_group_daily AS
                    SELECT DATE '2021-05-16' AS session_date, CAST(i AS INTEGER) AS district_id, 'D' || lpad(CAST(i AS VARCHAR), 2, '0')
                        AS district_name, 'Kerala' AS state_name, 1 AS sweeps_with_data, 1 AS sessions_listed,
                        CAST(i AS DOUBLE) AS open_capacity_per_100k
                    FROM range(1, 23) AS r(i)""");
            PerCapitaChart.Day day = PerCapitaChart.choose(c, null);

            ChartImage chart = PerCapitaChart.write(c, dir.resolve(Charts.PER_100K), day);

            assertEquals(new PerCapitaChart.Day("2021-05-16", 22, false), day);
            assertEquals(22, chart.rows().size());
            assertEquals(List.of("D22, Kerala", "22.00"), chart.rows().get(0));
            assertEquals(List.of("D01, Kerala", "1.00"), chart.rows().get(21));
            assertTrue(chart.svg().contains(">...</text>"), "the gap between the 10 highest and the 10 lowest");
            assertTrue(chart.svg().contains(">D13, Kerala</text>") && !chart.svg().contains(">D12, Kerala</text>"),
                    "D13 is the 10th highest, D12 neither the 10 highest nor the 10 lowest");
        }
    }

    @Test
    void writeAll_emptyMarts_drawsEveryChartSayingNoData(@TempDir Path dir) throws Exception {
        try (Connection c = marts(true)) {
            List<ChartImage> charts = draw(c, dir);

            for (ChartImage chart : charts) {
                assertEquals(List.of(), chart.rows(), chart.file());
                parse(chart.svg());
                assertTrue(Files.size(dir.resolve(chart.file())) > 0, chart.file());
            }
            assertTrue(charts.get(0).svg().contains("No district with a population was read on this day."));
            assertTrue(charts.get(1).svg().contains("No sweep with data in the range."));
            assertTrue(charts.get(2).svg().contains("No sweep fetched districts by id in the range."));
            assertEquals("Bar chart of open slots per 100,000 residents by district on no session date, all age groups"
                    + " together: no district with a population was read on this day.", charts.get(0).altText());
        }
    }

    static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
