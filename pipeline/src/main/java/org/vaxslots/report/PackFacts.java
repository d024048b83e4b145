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

/**
 * What the README and the manifest say about a pack: its inputs, range, coverage and files. Each
 * figure is one SELECT of notebooks-sql/pack/facts_*.sql.
 */
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
     * fraction or below zero and was floored (stg_sessions lists the column, so a sessions table
     * without it fails in staging, naming the fix).
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
        // The README's and the manifest's rejects are the rows of the published rejects_summary.csv.
        try (Statement st = layers.connection().createStatement();
                ResultSet rs = st.executeQuery(SqlLayers.sql("reports/rejects_summary.sql"))) {
            while (rs.next()) {
                rejects.add(new RejectCount(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
            }
        }
        List<String> span = row(layers, "facts_session_span");
        Map<String, List<RawFile>> raw = new LinkedHashMap<>();
        List<String[]> sweepRows = new ArrayList<>();
        RawDigests digests = RawDigests.load(root);
        try (Statement st = layers.connection().createStatement(); ResultSet rs = st.executeQuery(pack("facts_sweep_raw_files"))) {
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
        List<String> cov = row(layers, "facts_crawl_coverage");
        List<String> gaps = row(layers, "facts_district_gaps");
        List<String> list = row(layers, "facts_district_list");
        List<String> used = row(layers, "facts_district_lists_used");
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
        List<String> n = row(layers, "facts_sessions_rounded");
        return new Rounding(Long.parseLong(n.get(0)), Long.parseLong(n.get(1)));
    }

    /** The SELECT of notebooks-sql/pack/NAME.sql. */
    static String pack(String name) {
        return SqlLayers.sql(SqlLayers.PACK + name + ".sql");
    }

    /** The one row of a pack/ SELECT, as text. */
    private static List<String> row(SqlLayers layers, String name) throws SQLException {
        try (Statement st = layers.connection().createStatement(); ResultSet rs = st.executeQuery(pack(name))) {
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
