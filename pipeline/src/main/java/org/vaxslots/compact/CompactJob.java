package org.vaxslots.compact;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.vaxslots.sql.DuckDb;
import org.vaxslots.store.AtomicFiles;
import org.vaxslots.store.DataRoot;
import org.vaxslots.store.Digests;
import org.vaxslots.store.WorkDirs;
import org.vaxslots.sql.SqlLayers;

/**
 * Keeps the derived tables session_history (change-only: one row per session and run of unchanged
 * observations) and sweep_district_sessions (per sweep, district and age group) in step with the
 * sessions table, from notebooks-sql/compact/. Both are partitioned by session date, and a date is
 * rebuilt only when the sweeps that listed it (or the SQL) changed. The caller holds the data-root lock.
 *
 * <p>Steps:
 * <ol>
 *   <li>ListInputs: the sweeps with a marker, the sha256 of each marker with the size and time of
 *       the sweep's sessions files, and the session dates each sweep's sessions file spans (from
 *       the Parquet statistics, without reading rows).
 *   <li>FindStale: a date is stale when its inputs (sweep ids and marker digests, and the digest of
 *       the SQL) differ from those recorded in tables/_compact.json, or a partition is missing.
 *       Partitions of dates that no sweep lists any more are removed.
 *   <li>Compact: compact_observations over the stale dates in [from, to] (only those sweeps'
 *       files), then session_history and sweep_district_sessions from it.
 *   <li>Publish: each partition is written single-threaded under tmp/ (same input, same bytes),
 *       then renamed into place; the manifest is rewritten last, so a crash leaves only dates
 *       that the next run sees as stale.
 * </ol>
 */
public final class CompactJob {
    static final List<String> TABLES = List.of("session_history", "sweep_district_sessions");
    static final String OBSERVATIONS_SQL = "compact/compact_observations.sql";
    static final String MANIFEST = "_compact.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /** What the partitions of one session date were built from, and their rows per table. */
    record Built(String inputsSha256, List<String> sweeps, Map<String, Long> rows) {}

    /** Dates rebuilt, kept as they were, and removed; rows written per table. */
    public record Result(List<LocalDate> rebuilt, int kept, List<LocalDate> removed, Map<String, Long> rowsWritten) {}

    private CompactJob() {}

    /** Brings the partitions of session dates in [from, to] (null: unbounded) up to date. */
    public static Result run(DataRoot root, LocalDate from, LocalDate to) throws IOException, SQLException {
        Path manifestFile = root.tables().resolve(MANIFEST);
        Map<String, Built> manifest = Files.isRegularFile(manifestFile)
                ? new TreeMap<>(JSON.readValue(manifestFile.toFile(), new TypeReference<Map<String, Built>>() {}))
                : new TreeMap<>();
        StringBuilder sql = new StringBuilder(SqlLayers.sql(OBSERVATIONS_SQL));
        for (String table : TABLES) {
            sql.append(SqlLayers.sql(sqlOf(table)));
        }
        String sqlSha = Digests.sha256Hex(sql.toString().getBytes(StandardCharsets.UTF_8));
        try (Connection c = DuckDb.connect(root)) {
            execute(c, "SET file_search_path = '" + quote(root.root().toString()) + "'");
            Map<LocalDate, TreeMap<String, String>> inputs = inputs(c, root);
            List<LocalDate> removed = new ArrayList<>();
            for (String date : List.copyOf(manifest.keySet())) {
                if (!inputs.containsKey(LocalDate.parse(date))) {
                    for (String table : TABLES) {
                        AtomicFiles.deleteTree(partition(root, table, date));
                    }
                    manifest.remove(date);
                    removed.add(LocalDate.parse(date));
                }
            }
            Map<LocalDate, Built> stale = new TreeMap<>();
            int kept = 0;
            for (Map.Entry<LocalDate, TreeMap<String, String>> e : inputs.entrySet()) {
                LocalDate date = e.getKey();
                if ((from != null && date.isBefore(from)) || (to != null && date.isAfter(to))) {
                    continue;
                }
                String digest = digest(sqlSha, e.getValue());
                Built was = manifest.get(date.toString());
                boolean present = TABLES.stream().allMatch(t -> Files.isDirectory(partition(root, t, date.toString())));
                if (was != null && was.inputsSha256().equals(digest) && present) {
                    kept++;
                } else {
                    stale.put(date, new Built(digest, List.copyOf(e.getValue().keySet()), Map.of()));
                }
            }
            Map<String, Long> rows = new TreeMap<>();
            if (!stale.isEmpty()) {
                compact(c, root, stale, manifest, rows);
            }
            if (!stale.isEmpty() || !removed.isEmpty()) {
                AtomicFiles.writeAtomically(manifestFile, JSON.writeValueAsBytes(manifest));
            }
            return new Result(List.copyOf(stale.keySet()), kept, List.copyOf(removed), rows);
        }
    }

    /** Session date to the sweeps (id to marker sha256) whose sessions file spans it. */
    private static Map<LocalDate, TreeMap<String, String>> inputs(Connection c, DataRoot root) throws IOException, SQLException {
        Map<String, String> markers = new TreeMap<>();
        Path dir = root.tables().resolve("_sweeps");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
                    String name = f.getFileName().toString();
                    String sweep = name.substring(0, name.length() - ".json".length());
                    markers.put(sweep, Digests.sha256Hex(Files.readAllBytes(f)) + sessionFiles(root, sweep));
                }
            }
        }
        Map<LocalDate, TreeMap<String, String>> out = new TreeMap<>();
        if (markers.isEmpty() || !hasParquet(root.table("sessions"))) {
            return out;
        }
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT regexp_extract(file_name, 'sweep_id=([^/]+)/', 1) AS sweep_id,
                    min(CAST(stats_min_value AS DATE)) AS first_date, max(CAST(stats_max_value AS DATE)) AS last_date
                FROM parquet_metadata('tables/sessions/*/*.parquet')
                WHERE path_in_schema = 'session_date' AND num_values > 0
                GROUP BY ALL""")) {
            while (rs.next()) {
                String sweep = rs.getString(1);
                if (!markers.containsKey(sweep)) {
                    continue;
                }
                LocalDate first = rs.getObject(2, LocalDate.class);
                LocalDate last = rs.getObject(3, LocalDate.class);
                for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                    out.computeIfAbsent(d, k -> new TreeMap<>()).put(sweep, markers.get(sweep));
                }
            }
        }
        return out;
    }

    private static void compact(Connection c, DataRoot root, Map<LocalDate, Built> stale, Map<String, Built> manifest,
            Map<String, Long> total) throws IOException, SQLException {
        List<String> sweeps = stale.values().stream().flatMap(b -> b.sweeps().stream()).distinct().sorted().toList();
        String files = sweeps.stream()
                .map(s -> "'" + quote(root.relative(root.tablePartition("sessions", s))) + "/*.parquet'")
                .collect(Collectors.joining(", "));
        execute(c, "CREATE TEMP VIEW stg_sessions AS SELECT * FROM read_parquet([" + files + "], hive_partitioning = true)");
        execute(c, "SET VARIABLE history_dates = [" + stale.keySet().stream().map(d -> "DATE '" + d + "'")
                .collect(Collectors.joining(", ")) + "]::DATE[]");
        execute(c, "CREATE TEMP TABLE compact_observations AS " + select(OBSERVATIONS_SQL));
        for (String table : TABLES) {
            execute(c, "CREATE TEMP TABLE " + table + "_built AS " + select(sqlOf(table)));
        }
        execute(c, "DROP TABLE compact_observations");
        try (WorkDirs.WorkDir workDir = WorkDirs.create(root.tmp(), "compact-")) {
            Path work = workDir.path();
            execute(c, "SET threads = 1");
            for (Map.Entry<LocalDate, Built> e : stale.entrySet()) {
                String date = e.getKey().toString();
                Map<String, Long> rows = new TreeMap<>();
                for (String table : TABLES) {
                    Path file = work.resolve(table).resolve("session_date=" + date).resolve("part-00000.parquet");
                    Files.createDirectories(file.getParent());
                    try (Statement st = c.createStatement()) {
                        st.execute("COPY (SELECT * FROM " + table + "_built WHERE session_date = DATE '" + date + "') TO '"
                                + quote(file.toString()) + "' (FORMAT parquet, COMPRESSION snappy)");
                        rows.put(table, (long) st.getUpdateCount());
                    }
                    AtomicFiles.force(file);
                    Path target = partition(root, table, date);
                    Path aside = work.resolve("replaced").resolve(table + "-" + date);
                    if (Files.exists(target)) {
                        AtomicFiles.publish(target, aside);
                    }
                    AtomicFiles.publish(file.getParent(), target);
                    AtomicFiles.deleteTree(aside);
                    total.merge(table, rows.get(table), Long::sum);
                }
                manifest.put(date, new Built(e.getValue().inputsSha256(), e.getValue().sweeps(), rows));
            }
        } finally {
            execute(c, "RESET threads");
        }
    }

    static String sqlOf(String table) {
        return "compact/" + table + ".sql";
    }

    private static String select(String entry) {
        String s = SqlLayers.sql(entry).strip();
        return s.endsWith(";") ? s.substring(0, s.length() - 1) : s;
    }

    private static Path partition(DataRoot root, String table, String date) {
        return root.table(table).resolve("session_date=" + date);
    }

    private static String digest(String sqlSha, Map<String, String> sweeps) {
        StringBuilder s = new StringBuilder(sqlSha).append('\n');
        sweeps.forEach((id, sha) -> s.append(id).append(' ').append(sha).append('\n'));
        return Digests.sha256Hex(s.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Size and modification time of a sweep's sessions files: a sweep normalized again shows here. */
    private static String sessionFiles(DataRoot root, String sweep) throws IOException {
        Path dir = root.tablePartition("sessions", sweep);
        if (!Files.isDirectory(dir)) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList()) {
                s.append(' ').append(f.getFileName()).append(':').append(Files.size(f)).append(':')
                        .append(Files.getLastModifiedTime(f).toMillis());
            }
        }
        return s.toString();
    }

    private static boolean hasParquet(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".parquet"));
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static String quote(String s) {
        return s.replace("'", "''");
    }
}
