package org.vaxslots.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.vaxslots.testing.DemoRoot;
import org.vaxslots.sql.SqlLayers;

/**
 * The pack `vaxslots demo` writes (simulator, Kerala's 14 districts, every one read in every sweep):
 * "no slots" is a row, so every session date has every district, for each standard age group.
 */
class ReportJobDemoTest {
    static final Set<String> KERALA = Set.of("295", "296", "297", "298", "299", "300", "301", "302", "303", "304", "305",
            "306", "307", "308");

    @Test
    void demoPack_everySessionDate_hasAll14KeralaDistrictsForBothStandardAgeGroups() throws Exception {
        Path pack = DemoRoot.shared().reports().resolve(DemoRoot.RELEASE);
        List<CSVRecord> rows = ReportJobTest.read(pack.resolve("district_daily_coverage.csv"));

        Map<String, Set<String>> byDateAndGroup = new TreeMap<>();
        for (CSVRecord r : rows) {
            byDateAndGroup.computeIfAbsent(r.get("session_date") + " " + r.get("age_group"), k -> new TreeSet<>()).add(r.get("district_id"));
        }
        assertEquals(7 * 2, byDateAndGroup.size(), "the 7 days of the calendar window x 18-44 and 45+: " + byDateAndGroup.keySet());
        byDateAndGroup.forEach((key, districts) -> assertEquals(new TreeSet<>(KERALA), districts, key));
        assertEquals(7 * 2 * 14, rows.size());
        assertTrue(rows.stream().allMatch(r -> !r.get("open_capacity_per_100k").isEmpty()),
                "every Kerala district has a population and was read, so every row has a per-capita figure");
    }

    @Test
    void perCapitaChart_demo_namesEveryKeralaDistrictOnItsDay() throws Exception {
        try (SqlLayers layers = SqlLayers.build(DemoRoot.shared(), null, null)) {
            PerCapitaChart.Day day = PerCapitaChart.choose(layers.connection(), null);
            List<PerCapitaChart.Bar> bars = PerCapitaChart.bars(layers.connection(), day);

            assertEquals(14, day.districtsRead());
            assertEquals(14, bars.size(), bars.toString());
            assertTrue(bars.stream().allMatch(b -> b.label().endsWith(", Kerala")), bars.toString());
            assertEquals(14, bars.stream().map(PerCapitaChart.Bar::label).distinct().count());
        }
    }
}
