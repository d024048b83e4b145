package org.vaxslots.sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs notebooks-sql/checks/*.sql: a check passes when it returns no rows. */
public final class Checks {
    /** How many offending rows a failure message shows. */
    static final int SHOWN = 5;

    /** One failed check: its file and the first offending rows, as text. */
    public record Failure(String check, List<String> rows) {}

    private Checks() {}

    /** Every failed check, in index order; empty when all pass. */
    public static List<Failure> run(SqlLayers layers) throws SQLException {
        return run(layers, new LinkedHashMap<>());
    }

    /** As {@link #run(SqlLayers)}, adding the time each check took to {@code timings}, by its file. */
    public static List<Failure> run(SqlLayers layers, Map<String, Duration> timings) throws SQLException {
        List<Failure> failures = new ArrayList<>();
        for (String entry : layers.entries("checks/")) {
            long start = System.nanoTime();
            List<String> rows = new ArrayList<>();
            try (Statement st = layers.connection().createStatement();
                    ResultSet rs = st.executeQuery(SqlLayers.sql(entry))) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next() && rows.size() < SHOWN) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= n; i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row.toString());
                }
            } catch (SQLException e) {
                throw new SQLException("notebooks-sql/" + entry + " failed: " + e.getMessage(), e);
            }
            timings.put(entry, Duration.ofNanos(System.nanoTime() - start));
            if (!rows.isEmpty()) {
                failures.add(new Failure(entry, List.copyOf(rows)));
            }
        }
        return failures;
    }

    /** Thrown by the report when a check fails: nothing is published. */
    public static final class FailedException extends IllegalStateException {
        private final transient List<Failure> failures;

        public FailedException(List<Failure> failures) {
            super(message(failures));
            this.failures = List.copyOf(failures);
        }

        public List<Failure> failures() {
            return failures;
        }

        private static String message(List<Failure> failures) {
            StringBuilder s = new StringBuilder("the tables fail ").append(failures.size())
                    .append(" check(s); no report was written. Fix the data or the rule, then re-run:");
            for (Failure f : failures) {
                s.append("\n  notebooks-sql/").append(f.check()).append(": ").append(String.join("; ", f.rows()));
            }
            return s.toString();
        }
    }
}
