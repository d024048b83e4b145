package org.vaxslots.report;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.vaxslots.sql.SqlLayers;

/**
 * The key findings on the first screen of the pack page, as notebooks-sql/pack/page_*.sql computes
 * them from the marts: where slots were scarcest per capita (per age group), how the age groups
 * compare, the busiest day's districts without a slot, and the crawl behind it all. Values are
 * kept as the SQL's text (decimals already rounded there), so the page prints what the SQL says.
 */
record PackPageFindings(List<Scarce> scarcest, List<AgeGroup> ageGroups, BusiestDay busiestDay, Coverage coverage) {
    static final String SCARCEST = "pack/page_scarcest_districts.sql";
    static final String AGE_GROUPS = "pack/page_age_groups.sql";
    static final String BUSIEST_DAY = "pack/page_busiest_day.sql";
    static final String COVERAGE = "pack/page_coverage.sql";

    /** One of the five districts with the fewest open slots per 100,000 for an age group. */
    record Scarce(String ageGroup, long rank, String stateName, String districtName, long districtId, long days,
            long peakOpenCapacity, String openCapacityPer100k) {}

    /** One age group over the range: district-days read, those without an open slot, the per-capita median over districts. */
    record AgeGroup(String ageGroup, long districts, long districtDays, long districtDaysWithoutOpenSlots,
            long peakOpenCapacity, long districtsWithPer100k, String medianOpenCapacityPer100k) {}

    /** The session day with the most sessions listed; null when none was. */
    record BusiestDay(String sessionDate, long sessionsListed, long districtsRead, long districtsWithoutOpenSlots,
            long districtsWithoutData) {}

    /** The crawl: sweeps, coverage per sweep (null when no sweep fetched districts), districts read of listed, rejects. */
    record Coverage(long sweeps, long sweepsWithDistricts, String medianCrawlCoveragePct, String minCrawlCoveragePct,
            long districtsListed, long districtsAsked, long districtsRead, long districtFetchesWithoutData,
            long rejectedResponses, long rejectedRecords) {}

    PackPageFindings {
        scarcest = List.copyOf(scarcest);
        ageGroups = List.copyOf(ageGroups);
    }

    static PackPageFindings read(Connection c) throws SQLException {
        List<Scarce> scarcest = rows(c, SCARCEST, r -> new Scarce(r.get("age_group"), num(r, "district_rank"), r.get("state_name"),
                r.get("district_name"), num(r, "district_id"), num(r, "days_count"), num(r, "peak_open_capacity"),
                r.get("open_capacity_per_100k")));
        List<AgeGroup> ageGroups = rows(c, AGE_GROUPS, r -> new AgeGroup(r.get("age_group"), num(r, "districts_count"),
                num(r, "district_days_count"), num(r, "district_days_without_open_slots"), num(r, "peak_open_capacity"),
                num(r, "districts_with_per_100k"), r.get("median_open_capacity_per_100k")));
        List<BusiestDay> busiest = rows(c, BUSIEST_DAY, r -> new BusiestDay(r.get("session_date"), num(r, "sessions_listed"),
                num(r, "districts_read"), num(r, "districts_without_open_slots"), num(r, "districts_without_data")));
        List<Coverage> coverage = rows(c, COVERAGE, r -> new Coverage(num(r, "sweeps_count"), num(r, "sweeps_with_districts"),
                r.get("median_crawl_coverage_pct"), r.get("min_crawl_coverage_pct"), num(r, "districts_listed"),
                num(r, "districts_asked"), num(r, "districts_read"), num(r, "district_fetches_without_data"),
                num(r, "rejected_responses"), num(r, "rejected_records")));
        if (busiest.size() > 1 || coverage.size() != 1) {
            throw new IllegalStateException("notebooks-sql/" + BUSIEST_DAY + " must return at most one row and "
                    + COVERAGE + " exactly one; they returned " + busiest.size() + " and " + coverage.size() + ": fix the SQL");
        }
        return new PackPageFindings(scarcest, ageGroups, busiest.isEmpty() ? null : busiest.get(0), coverage.get(0));
    }

    /** The youngest adult group the range has (18-44 in 2021's first half, 18+ after), else the first group listed. */
    String focusAgeGroup() {
        for (String group : List.of("18-44", "18+")) {
            if (ageGroups.stream().anyMatch(a -> a.ageGroup().equals(group))) {
                return group;
            }
        }
        return ageGroups.isEmpty() ? null : ageGroups.get(0).ageGroup();
    }

    List<Scarce> scarcest(String ageGroup) {
        return scarcest.stream().filter(s -> s.ageGroup().equals(ageGroup)).toList();
    }

    private static long num(Map<String, String> row, String column) {
        String v = row.get(column);
        return v == null ? 0 : Long.parseLong(v);
    }

    /** Every row of one pack/ SELECT, each as column name to text as sent (numbers and dates as CSV cells; SQL NULL as null). */
    private static <T> List<T> rows(Connection c, String entry, Function<Map<String, String>, T> make) throws SQLException {
        List<T> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(SqlLayers.sql(entry))) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Map<String, String> row = new java.util.HashMap<>();
                for (int i = 1; i <= n; i++) {
                    Object v = rs.getObject(i);
                    row.put(rs.getMetaData().getColumnLabel(i), v == null ? null : v instanceof String text ? text : CsvCells.cell(v));
                }
                out.add(make.apply(row));
            }
        } catch (SQLException e) {
            throw new SQLException("notebooks-sql/" + entry + " failed: " + e.getMessage(), e);
        }
        return out;
    }
}
