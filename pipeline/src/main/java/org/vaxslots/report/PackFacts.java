package org.vaxslots.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaxslots.store.DataRoot;
import org.vaxslots.sql.SqlLayers;

/** What the README and the manifest say about a pack: its inputs, range, coverage and files. */
record PackFacts(
        String release,
        LocalDate from,
        LocalDate to,
        String firstSessionDate,
        String lastSessionDate,
        long districts,
        Map<String, ReportCsv.Written> csvs,
        List<Sweep> sweeps,
        Coverage coverage,
        Map<String, String> referenceDigests,
        List<String> checks,
        PerCapitaChart.Day chartDay,
        List<RejectCount> rejects,
        Rounding rounding) {

    /** Rejects of one sweep for one reason_code: whole responses and parts of responses. */
    record RejectCount(String sweepId, String reasonCode, long responses, long records) {}

    /**
     * Session observations (and distinct sessions) in the range whose capacity was sent with a
     * fraction or below zero and was floored; null when the sessions table predates the column.
     */
    record Rounding(long observations, long sessions) {}

    /** A raw file behind the pack; bytes and sha256 are null when raw/ does not hold it (tables copied without raw/). */
    record RawFile(String path, Long bytes, String sha256) {}

    record Sweep(String sweepId, String firstAsOfAt, String lastAsOfAt, List<RawFile> rawFiles) {}

    record Coverage(long sweepsWithDistricts, String minPct, String medianPct, long districtFetchesWithoutData,
            long districtRowsWithGaps, long districtRows, DistrictList list) {}

    /**
     * The sweeps' districts against the district list of the day (each sweep's own districts answers
     * when it has them, else the bundled list; the union over the sweeps): its size and states, how many
     * of them at least one sweep asked for, in how many states, and the fewest and most one sweep asked for.
     */
    record DistrictList(String name, boolean sweepsOwn, long listed, long states, long asked, long statesAsked,
            long fewestPerSweep, long mostPerSweep) {}

    /** Which list of the day the sweeps were measured against (sweep_crawl_coverage.district_list). */
    static String listName(long ownLists, long bundledLists) {
        String bundled = "Co-WIN's district list of 14 May 2021, bundled";
        String own = "the districts the sweeps' own districts answers listed";
        if (ownLists == 0) {
            return bundled;
        }
        if (bundledLists == 0) {
            return own;
        }
        return own + " for " + ownLists + (ownLists == 1 ? " sweep" : " sweeps") + ", " + bundled + " for the "
                + bundledLists + " without districts answers";
    }

    List<String> sweepIds() {
        return sweeps.stream().map(Sweep::sweepId).toList();
    }

    static PackFacts read(SqlLayers layers, DataRoot root, String release, LocalDate from, LocalDate to,
            Map<String, ReportCsv.Written> csvs, PerCapitaChart.Day chartDay) throws SQLException, IOException {
        List<RejectCount> rejects = new ArrayList<>();
        try (Statement st = layers.connection().createStatement(); ResultSet rs = st.executeQuery("""
                SELECT sweep_id, reason_code, responses, records FROM sweep_reject_reasons ORDER BY sweep_id, reason_code""")) {
            while (rs.next()) {
                rejects.add(new RejectCount(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
            }
        }
        List<String> span = row(layers, """
                SELECT CAST(min(session_date) AS VARCHAR), CAST(max(session_date) AS VARCHAR), CAST(count(DISTINCT district_id) AS VARCHAR)
                FROM district_age_group_daily WHERE sessions_listed > 0""");
        Map<String, List<RawFile>> raw = new LinkedHashMap<>();
        List<String[]> sweepRows = new ArrayList<>();
        RawDigests digests = RawDigests.load(root);
        try (Statement st = layers.connection().createStatement(); ResultSet rs = st.executeQuery("""
                SELECT sweep_crawl_coverage.sweep_id,
                    strftime(first_as_of_at, '%Y-%m-%dT%H:%M:%SZ'), strftime(last_as_of_at, '%Y-%m-%dT%H:%M:%SZ'), raw_files.raw_file
                FROM sweep_crawl_coverage
                LEFT JOIN (SELECT DISTINCT sweep_id, raw_file FROM stg_fetches) AS raw_files
                    ON raw_files.sweep_id = sweep_crawl_coverage.sweep_id
                ORDER BY first_as_of_at, sweep_crawl_coverage.sweep_id, raw_files.raw_file""")) {
            while (rs.next()) {
                String id = rs.getString(1);
                if (!raw.containsKey(id)) {
                    raw.put(id, new ArrayList<>());
                    sweepRows.add(new String[] {id, rs.getString(2), rs.getString(3)});
                }
                String file = rs.getString(4);
                if (file != null) {
                    Path p = root.root().resolve(file);
                    raw.get(id).add(Files.isRegularFile(p) ? new RawFile(file, Files.size(p), digests.sha256(file)) : new RawFile(file, null, null));
                }
            }
        }
        digests.save();
        List<Sweep> sweeps = sweepRows.stream().map(r -> new Sweep(r[0], r[1], r[2], List.copyOf(raw.get(r[0])))).toList();
        List<String> cov = row(layers, """
                SELECT CAST(count(*) AS VARCHAR), CAST(min(crawl_coverage_pct) AS VARCHAR),
                    CAST(CAST(median(crawl_coverage_pct) AS DECIMAL(4, 1)) AS VARCHAR),
                    CAST(coalesce(sum(districts_throttled + districts_failed), 0) AS VARCHAR)
                FROM sweep_crawl_coverage WHERE districts_attempted > 0""");
        List<String> gaps = row(layers, """
                SELECT CAST(count(*) FILTER (WHERE sweeps_without_data > 0) AS VARCHAR), CAST(count(*) AS VARCHAR)
                FROM district_age_group_daily""");
        List<String> list = row(layers, """
                WITH asked AS (SELECT DISTINCT district_id FROM int_district_fetches_classified),
                per_sweep AS (
                    SELECT districts_listed - districts_not_attempted AS asked_in_list
                    FROM sweep_crawl_coverage WHERE districts_attempted > 0
                )
                SELECT CAST(count(DISTINCT list.district_id) AS VARCHAR), CAST(count(DISTINCT list.state_id) AS VARCHAR),
                    CAST(count(DISTINCT asked.district_id) AS VARCHAR), CAST(count(DISTINCT list.state_id) FILTER
                        (WHERE asked.district_id IS NOT NULL) AS VARCHAR),
                    CAST(coalesce((SELECT min(asked_in_list) FROM per_sweep), 0) AS VARCHAR),
                    CAST(coalesce((SELECT max(asked_in_list) FROM per_sweep), 0) AS VARCHAR)
                FROM (SELECT district_id, min(state_id) AS state_id FROM int_district_lists_chosen GROUP BY district_id) AS list
                LEFT JOIN asked ON asked.district_id = list.district_id""");
        List<String> used = row(layers, """
                WITH lists AS (SELECT DISTINCT sweep_id, district_list FROM int_district_lists_chosen)
                SELECT CAST(count(*) FILTER (WHERE district_list = 'sweep') AS VARCHAR),
                    CAST(count(*) FILTER (WHERE district_list <> 'sweep') AS VARCHAR)
                FROM lists""");
        DistrictList districtList = new DistrictList(listName(Long.parseLong(used.get(0)), Long.parseLong(used.get(1))),
                Long.parseLong(used.get(0)) > 0, Long.parseLong(list.get(0)),
                Long.parseLong(list.get(1)), Long.parseLong(list.get(2)), Long.parseLong(list.get(3)), Long.parseLong(list.get(4)),
                Long.parseLong(list.get(5)));
        Coverage coverage = new Coverage(Long.parseLong(cov.get(0)), cov.get(1), cov.get(2), Long.parseLong(cov.get(3)),
                Long.parseLong(gaps.get(0)), Long.parseLong(gaps.get(1)), districtList);
        Map<String, String> references = new LinkedHashMap<>();
        for (String entry : SqlLayers.index()) {
            if (entry.startsWith("reference/")) {
                references.put("notebooks-sql/" + entry, sha256(SqlLayers.class.getResourceAsStream("/notebooks-sql/" + entry)));
            }
        }
        return new PackFacts(release, from, to, span.get(0), span.get(1), Long.parseLong(span.get(2)), csvs, sweeps,
                coverage, references, layers.entries("checks/"), chartDay, List.copyOf(rejects), rounding(layers));
    }

    private static Rounding rounding(SqlLayers layers) throws SQLException {
        List<String> has = row(layers, """
                SELECT CAST(count(*) AS VARCHAR) FROM (DESCRIBE stg_sessions) WHERE column_name = 'is_capacity_rounded'""");
        if (has.get(0).equals("0")) {
            return null;
        }
        List<String> n = row(layers, """
                SELECT CAST(count(*) AS VARCHAR), CAST(count(DISTINCT session_id) AS VARCHAR)
                FROM stg_sessions
                WHERE is_capacity_rounded
                    AND session_date BETWEEN coalesce(CAST(getvariable('report_from') AS DATE), DATE '0001-01-01')
                        AND coalesce(CAST(getvariable('report_to') AS DATE), DATE '9999-12-31')""");
        return new Rounding(Long.parseLong(n.get(0)), Long.parseLong(n.get(1)));
    }

    private static List<String> row(SqlLayers layers, String sql) throws SQLException {
        try (Statement st = layers.connection().createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            List<String> out = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                out.add(rs.getString(i));
            }
            return out;
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return sha256(in);
        }
    }

    static String sha256(InputStream in) throws IOException {
        try (in) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
