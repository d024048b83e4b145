package org.vaxslots.compact;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.vaxslots.schema.Table;
import org.vaxslots.sql.SqlLayers;
import org.vaxslots.store.AtomicFiles;
import org.vaxslots.store.DataRoot;
import org.vaxslots.store.Digests;

/**
 * The notebooks-sql/compact/ files and the one way a derived partition is written: the table's
 * columns in .avsc order, cast to their .avsc types, sorted in the table's order, one thread, so the
 * same rows give the same bytes whichever way (appended or rebuilt) they were computed.
 */
final class CompactSql {
    static final String OBSERVATIONS = "compact/compact_observations.sql";
    static final String HISTORY = "compact/session_history.sql";
    static final String HISTORY_EXTENDED = "compact/session_history_extended.sql";
    static final String SWEEP_DISTRICTS = "compact/sweep_district_sessions.sql";
    static final List<String> FILES = List.of(OBSERVATIONS, HISTORY, HISTORY_EXTENDED, SWEEP_DISTRICTS);

    private CompactSql() {}

    /** sha256 of the compact SQL and of the row order: a change of either means a rebuild. */
    static String digest() {
        StringBuilder s = new StringBuilder();
        for (String f : FILES) {
            s.append(SqlLayers.sql(f)).append('\n');
        }
        for (Table t : Table.derived()) {
            s.append(order(t)).append('\n');
        }
        return Digests.sha256Hex(s.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A compact SQL file as a SELECT to nest (without its trailing semicolon). */
    static String select(String entry) {
        String s = SqlLayers.sql(entry).strip();
        return s.endsWith(";") ? s.substring(0, s.length() - 1) : s;
    }

    /** The order of rows in every file of a derived table. */
    static String order(Table table) {
        return switch (table) {
            case SESSION_HISTORY -> "session_date, district_id NULLS LAST, center_id, session_id, run_number";
            case SWEEP_DISTRICT_SESSIONS -> "session_date, sweep_id, district_id NULLS LAST, age_group";
            default -> throw new IllegalArgumentException(table + " is not derived by compact");
        };
    }

    /** The table's columns, cast to their .avsc types, in .avsc order. */
    static String columns(Table table) {
        return table.schema().getFields().stream()
                .map(f -> "CAST(" + f.name() + " AS " + EmptyDerivedTables.duckType(f.schema()) + ") AS " + f.name())
                .collect(Collectors.joining(", "));
    }

    /** A typed relation with the table's columns and no rows. */
    static String noRows(Table table) {
        Schema schema = table.schema();
        return "SELECT " + schema.getFields().stream()
                .map(f -> "CAST(NULL AS " + EmptyDerivedTables.duckType(f.schema()) + ") AS " + f.name())
                .collect(Collectors.joining(", ")) + " WHERE false";
    }

    /**
     * Writes the rows of {@code source} matching {@code where} as the one file of the partition
     * {@code target} (staged in {@code work}, then renamed over the old file: a reader, or a crash,
     * sees the old file or the new one); with no rows the partition is removed instead. Returns the
     * rows written. The connection must be on one thread.
     */
    static long writePartition(Connection c, Table table, String source, String where, Path target, Path work)
            throws SQLException, IOException {
        Path staged = work.resolve("staged-" + java.util.UUID.randomUUID() + ".parquet");
        long rows;
        try (Statement st = c.createStatement()) {
            st.execute("COPY (SELECT " + columns(table) + " FROM (" + source + ") WHERE " + where + " ORDER BY "
                    + order(table) + ") TO '" + quote(staged.toString()) + "' (FORMAT parquet, COMPRESSION snappy)");
            rows = st.getUpdateCount();
        }
        Path file = target.resolve(DataRoot.PART_FILE);
        if (rows > 0) {
            AtomicFiles.force(staged);
            Files.createDirectories(target);
            Files.move(staged, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.delete(staged);
            AtomicFiles.deleteTree(target);
        }
        return rows;
    }

    static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    static String quote(String s) {
        return s.replace("'", "''");
    }

    static String dateList(java.util.Collection<java.time.LocalDate> dates) {
        return "[" + dates.stream().map(d -> "DATE '" + d + "'").collect(Collectors.joining(", ")) + "]::DATE[]";
    }

    static String fileList(java.util.Collection<String> files) {
        return "[" + files.stream().map(f -> "'" + quote(f) + "'").collect(Collectors.joining(", ")) + "]";
    }
}
