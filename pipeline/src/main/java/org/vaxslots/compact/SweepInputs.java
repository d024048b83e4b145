package org.vaxslots.compact;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.vaxslots.schema.Table;
import org.vaxslots.store.DataRoot;
import org.vaxslots.store.Digests;

/**
 * What compact reads of the normalized tables: the sweeps with a marker, a digest of each one's
 * inputs (so a sweep normalized again shows), its sessions files, and the session dates and latest
 * as_of_at those files span, from the Parquet statistics (no row is read).
 */
final class SweepInputs {
    /** A sweep with a marker: its input digest and its sessions files, relative to the data root. */
    record Input(String id, InputDigests.Entry entry) {
        String digest() {
            return entry.digest();
        }

        List<String> sessionFiles() {
            return entry.sessionFiles();
        }
    }

    /** A sweep's span, from its files' statistics: null dates and time when it lists no session. */
    record Span(String firstDate, String lastDate, LocalDateTime lastAsOf) {}

    private SweepInputs() {}

    /**
     * Every sweep with a marker, by id. A sweep whose marker and sessions partition are those of
     * the last run is taken from {@link InputDigests} (two stats); any other is worked out from its
     * files, and remembered.
     */
    static Map<String, Input> list(DataRoot root) throws IOException {
        Map<String, Input> out = new TreeMap<>();
        Path dir = root.normalizedMarkers();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        List<String> sweeps = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path p : files) {
                String name = p.getFileName().toString();
                if (name.endsWith(".json")) {
                    sweeps.add(name.substring(0, name.length() - ".json".length()));
                }
            }
        }
        sweeps.sort(null);
        InputDigests remembered = InputDigests.load(root);
        // Two stats a sweep, for every sweep: the one part of a run that grows with the history, so on every core.
        List<InputDigests.Entry> stats;
        try {
            stats = sweeps.parallelStream().map(sweep -> stat(root, sweep)).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        for (int i = 0; i < sweeps.size(); i++) {
            String sweep = sweeps.get(i);
            InputDigests.Entry now = stats.get(i);
            if (now == null) {
                continue; // removed since the listing
            }
            InputDigests.Entry known = remembered.known(sweep, now);
            if (known == null) {
                known = workedOut(root, root.normalizedMarker(sweep), root.tablePartition(Table.SESSIONS.tableName(), sweep), now);
                remembered.remember(sweep, known);
            }
            out.put(sweep, new Input(sweep, known));
        }
        remembered.save(out.keySet());
        return out;
    }

    /** What a stat of the sweep's marker and one of its sessions partition give; null when the marker is gone. */
    private static InputDigests.Entry stat(DataRoot root, String sweep) {
        try {
            BasicFileAttributes marker = Files.readAttributes(root.normalizedMarker(sweep), BasicFileAttributes.class);
            return new InputDigests.Entry(marker.size(), marker.lastModifiedTime().toMillis(),
                    directoryMillis(root.tablePartition(Table.SESSIONS.tableName(), sweep)), null, null);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A directory's modification time, or -1 when there is none. */
    private static long directoryMillis(Path dir) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(dir, BasicFileAttributes.class);
            return a.isDirectory() ? a.lastModifiedTime().toMillis() : -1;
        } catch (NoSuchFileException e) {
            return -1;
        }
    }

    /** The digest of a sweep's marker and sessions files (sizes and modification times), and those files. */
    private static InputDigests.Entry workedOut(DataRoot root, Path marker, Path sessions, InputDigests.Entry stat)
            throws IOException {
        StringBuilder digest = new StringBuilder(Digests.sha256Hex(Files.readAllBytes(marker)));
        List<String> sessionFiles = new ArrayList<>();
        if (Files.isDirectory(sessions)) {
            try (Stream<Path> files = Files.list(sessions)) {
                for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList()) {
                    // Size and modification time: a sweep normalized again shows here.
                    digest.append(' ').append(f.getFileName()).append(':').append(Files.size(f)).append(':')
                            .append(Files.getLastModifiedTime(f).toMillis());
                    sessionFiles.add(root.relative(f));
                }
            }
        }
        return new InputDigests.Entry(stat.markerBytes(), stat.markerMillis(), stat.sessionsMillis(),
                Digests.sha256Hex(digest.toString().getBytes(StandardCharsets.UTF_8)), InputDigests.files(sessionFiles));
    }

    /** The span of each of these sweeps (all of them, a sweep without sessions files as listing none). */
    static Map<String, Span> spans(Connection c, Collection<Input> sweeps) throws SQLException {
        Map<String, Span> out = new TreeMap<>();
        List<String> files = new ArrayList<>();
        for (Input in : sweeps) {
            out.put(in.id(), new Span(null, null, null));
            files.addAll(in.sessionFiles());
        }
        if (files.isEmpty()) {
            return out;
        }
        String list = files.stream().map(f -> "'" + CompactSql.quote(f) + "'").collect(Collectors.joining(", "));
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT "
                + DataRoot.sweepIdOfSql("file_name") + " AS sweep_id,"
                + " CAST(min(TRY_CAST(stats_min_value AS DATE)) FILTER (WHERE path_in_schema = 'session_date') AS VARCHAR),"
                + " CAST(max(TRY_CAST(stats_max_value AS DATE)) FILTER (WHERE path_in_schema = 'session_date') AS VARCHAR),"
                + " max(TRY_CAST(stats_max_value AS TIMESTAMP)) FILTER (WHERE path_in_schema = 'as_of_at')"
                + " FROM parquet_metadata([" + list + "])"
                + " WHERE path_in_schema IN ('session_date', 'as_of_at') AND num_values > 0 GROUP BY ALL")) {
            while (rs.next()) {
                if (out.containsKey(rs.getString(1)) && rs.getString(2) != null) {
                    out.put(rs.getString(1), new Span(rs.getString(2), rs.getString(3), rs.getObject(4, LocalDateTime.class)));
                }
            }
        }
        return out;
    }
}
