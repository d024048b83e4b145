package org.vaxslots.compact;

import static org.vaxslots.compact.CompactSql.dateList;
import static org.vaxslots.compact.CompactSql.execute;
import static org.vaxslots.compact.CompactSql.fileList;
import static org.vaxslots.compact.CompactSql.quote;
import static org.vaxslots.compact.CompactSql.select;
import static org.vaxslots.compact.CompactSql.writePartition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import org.vaxslots.schema.Table;
import org.vaxslots.store.DataRoot;

/**
 * The two ways compact changes the derived partitions, over one DuckDB connection: append one
 * sweep to the open runs of its dates (the cost of that sweep alone), or rebuild a set of session
 * dates from every sweep that lists them (a sweep normalized again, removed, or out of order). Both
 * end in the same rows, written by {@link CompactSql#writePartition}.
 */
final class HistoryUpdates {
    private static final Table HISTORY = Table.SESSION_HISTORY;
    private static final Table DISTRICTS = Table.SWEEP_DISTRICT_SESSIONS;

    private final Connection c;
    private final DataRoot root;
    private final Path work;
    private final Map<String, Long> rows;

    HistoryUpdates(Connection c, DataRoot root, Path work, Map<String, Long> rows) {
        this.c = c;
        this.root = root;
        this.work = work;
        this.rows = rows;
    }

    /**
     * Adds one sweep to the open runs of the session dates it lists. Writes nothing and returns false
     * when a session it saw was already seen at or after it (in as_of_at, sweep_id order): then only
     * a rebuild of its dates gives the from-scratch rows.
     */
    boolean append(SweepInputs.Input sweep, List<LocalDate> dates) throws SQLException, IOException {
        observe(sweep.sessionFiles(), dates);
        List<String> open = new ArrayList<>();
        for (LocalDate d : dates) {
            Path f = root.openRunsPartition(d.toString()).resolve(DataRoot.PART_FILE);
            if (Files.isRegularFile(f)) {
                open.add(root.relative(f));
            }
        }
        execute(c, "CREATE OR REPLACE TEMP VIEW history_open AS " + (open.isEmpty() ? CompactSql.noRows(HISTORY)
                : "SELECT * FROM read_parquet(" + fileList(open) + ", hive_partitioning = false)"));
        if (count("SELECT count(*) FROM compact_observations AS o JOIN history_open AS r"
                + " ON o.session_date = r.session_date AND o.session_id = r.session_id"
                + " WHERE o.as_of_at < r.valid_to_at OR (o.as_of_at = r.valid_to_at AND o.sweep_id <= r.valid_to_sweep_id)") > 0) {
            return false;
        }
        execute(c, "CREATE OR REPLACE TEMP TABLE history_extended AS " + select(CompactSql.HISTORY_EXTENDED));
        execute(c, "CREATE OR REPLACE TEMP TABLE districts_built AS " + select(CompactSql.SWEEP_DISTRICTS));
        singleThreaded(() -> {
            for (LocalDate d : dates) {
                add(HISTORY, writePartition(c, HISTORY, "SELECT * FROM history_extended",
                        "session_date = DATE '" + d + "' AND closed_by_sweep_id IS NULL", root.openRunsPartition(d.toString()), work));
            }
            add(HISTORY, writePartition(c, HISTORY, "SELECT * FROM history_extended",
                    "closed_by_sweep_id = '" + quote(sweep.id()) + "'", root.closedRunsPartition(sweep.id()), work));
            add(DISTRICTS, writePartition(c, DISTRICTS, "SELECT * FROM districts_built", "true",
                    root.tablePartition(DISTRICTS.tableName(), sweep.id()), work));
        });
        execute(c, "DROP TABLE history_extended");
        execute(c, "DROP TABLE districts_built");
        execute(c, "DROP TABLE compact_observations");
        return true;
    }

    /**
     * Rebuilds the partitions of these session dates from the sweeps that list them: the open runs
     * of each date; each listing sweep's closed runs where they differ (its runs of other dates
     * kept as they are); and sweep_district_sessions of the sweeps being added, every date of which
     * must be among these.
     *
     * @param listing the sweeps that list any of the dates, by id
     * @param adding of those, the ones whose sweep_district_sessions partition is (re)written
     */
    void rebuild(SortedSet<LocalDate> dates, Map<String, SweepInputs.Input> listing, Collection<String> adding)
            throws SQLException, IOException {
        List<String> files = listing.values().stream().flatMap(s -> s.sessionFiles().stream()).toList();
        String range = dateList(dates);
        if (files.isEmpty()) {
            execute(c, "CREATE OR REPLACE TEMP TABLE history_built AS " + CompactSql.noRows(HISTORY));
            execute(c, "CREATE OR REPLACE TEMP TABLE districts_built AS " + CompactSql.noRows(DISTRICTS));
        } else {
            observe(files, dates);
            // Sorted by the partition each row goes to, so each write reads only its own row groups.
            execute(c, "CREATE OR REPLACE TEMP TABLE history_built AS SELECT * FROM (" + select(CompactSql.HISTORY)
                    + ") ORDER BY closed_by_sweep_id NULLS FIRST, session_date");
            execute(c, "CREATE OR REPLACE TEMP TABLE districts_built AS SELECT * FROM (" + select(CompactSql.SWEEP_DISTRICTS)
                    + ") ORDER BY sweep_id");
            execute(c, "DROP TABLE compact_observations");
        }
        List<String> oldClosed = new ArrayList<>();
        for (String id : listing.keySet()) {
            Path f = root.closedRunsPartition(id).resolve(DataRoot.PART_FILE);
            if (Files.isRegularFile(f)) {
                oldClosed.add(root.relative(f));
            }
        }
        String columns = CompactSql.columns(HISTORY);
        execute(c, "CREATE OR REPLACE TEMP TABLE closed_new AS SELECT " + columns
                + " FROM history_built WHERE closed_by_sweep_id IS NOT NULL");
        execute(c, "CREATE OR REPLACE TEMP TABLE closed_old AS " + (oldClosed.isEmpty() ? CompactSql.noRows(HISTORY)
                : "SELECT " + columns + " FROM read_parquet(" + fileList(oldClosed) + ", hive_partitioning = false)"
                        + " WHERE list_contains(" + range + ", session_date)"));
        List<String> changedClosed = strings("SELECT DISTINCT closed_by_sweep_id FROM ("
                + "(SELECT * FROM closed_old EXCEPT ALL SELECT * FROM closed_new)"
                + " UNION ALL (SELECT * FROM closed_new EXCEPT ALL SELECT * FROM closed_old)) ORDER BY 1");
        singleThreaded(() -> {
            for (LocalDate d : dates) {
                add(HISTORY, writePartition(c, HISTORY, "SELECT * FROM history_built",
                        "closed_by_sweep_id IS NULL AND session_date = DATE '" + d + "'", root.openRunsPartition(d.toString()), work));
            }
            for (String id : changedClosed) {
                Path old = root.closedRunsPartition(id).resolve(DataRoot.PART_FILE);
                String kept = Files.isRegularFile(old) ? "SELECT * FROM read_parquet('" + quote(old.toString())
                        + "', hive_partitioning = false) WHERE NOT list_contains(" + range + ", session_date) UNION ALL BY NAME " : "";
                add(HISTORY, writePartition(c, HISTORY, kept + "SELECT * FROM closed_new WHERE closed_by_sweep_id = '" + quote(id) + "'",
                        "true", root.closedRunsPartition(id), work));
            }
            for (String id : adding) {
                add(DISTRICTS, writePartition(c, DISTRICTS, "SELECT * FROM districts_built", "sweep_id = '" + quote(id) + "'",
                        root.tablePartition(DISTRICTS.tableName(), id), work));
            }
        });
        for (String t : List.of("history_built", "districts_built", "closed_new", "closed_old")) {
            execute(c, "DROP TABLE " + t);
        }
    }

    /** compact_observations: the observations of these sessions files on these dates. */
    private void observe(List<String> sessionFiles, Collection<LocalDate> dates) throws SQLException {
        execute(c, "CREATE OR REPLACE TEMP VIEW stg_sessions AS SELECT * FROM read_parquet(" + fileList(sessionFiles)
                + ", hive_partitioning = true)");
        execute(c, "SET VARIABLE history_dates = " + dateList(dates));
        execute(c, "CREATE OR REPLACE TEMP TABLE compact_observations AS " + select(CompactSql.OBSERVATIONS));
    }

    private void add(Table table, long written) {
        rows.merge(table.tableName(), written, Long::sum);
    }

    private interface Writes {
        void run() throws SQLException, IOException;
    }

    /** Runs the writes on one DuckDB thread: the same rows give the same bytes. */
    private void singleThreaded(Writes writes) throws SQLException, IOException {
        execute(c, "SET threads = 1");
        try {
            writes.run();
        } finally {
            execute(c, "RESET threads");
        }
    }

    private long count(String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
