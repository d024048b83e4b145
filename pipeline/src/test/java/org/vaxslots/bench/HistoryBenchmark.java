package org.vaxslots.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.vaxslots.compact.CompactJob;
import org.vaxslots.schema.Table;
import org.vaxslots.store.AtomicFiles;
import org.vaxslots.store.DataRoot;
import org.vaxslots.testing.DemoRoot;

/**
 * Benchmark of issue 14 items 3 and 4 (not a test): incremental compact after 1, 96 and a month
 * of 15-minute sweeps, and `report` over the month. The history is one real sweep (simulated
 * Kerala, through the real snapshot and normalize jobs: {@code BASE}) cloned by DuckDB into a
 * month of sweeps with the exact schemas: sweep k is 15 k minutes later (every timestamp), lists
 * session dates k / 96 days later (every date), holds COPIES copies of each center and session
 * (new ids), and gives each session a capacity that changes every 2 hours, staggered per session,
 * so every sweep closes about 1 run in 8. Its raw file is the base sweep's (kept under raw/).
 *
 * <p>Args: WORK_DIR BASE_DATA_ROOT LAUNCHER [MONTH_SWEEPS (2880)] [COPIES (3)] [SIZES (1,96,MONTH)]. For each history
 * size N: compact N sweeps from scratch, then three times append sweep N+1 and remove it again
 * (its dates rebuilt; the first removal timed), rebuild its dates from all their sweeps
 * ({@link CompactJob.Mode#REBUILD}: the cost before issue 14), and compact that sweep alone in a
 * root of its own three times; appends and alone runs are medians of 3. At the month, after the
 * first append, `LAUNCHER report --timings` under /usr/bin/time. Prints one table.
 */
public final class HistoryBenchmark {
    private static final String BASE_SWEEP = "base-00000";
    private static final int RUNS = 3;

    private HistoryBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]).toAbsolutePath();
        DataRoot base = new DataRoot(Path.of(args[1]));
        String launcher = args[2];
        int month = args.length > 3 ? Integer.parseInt(args[3]) : 2880;
        int copies = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%-8s %12s %12s %10s %8s %14s %12s %12s", "history", "observations",
                "scratch_s", "append_s", "alone_s", "append/alone", "remove_s", "rebuild_s"));
        String report = null;
        int[] sizes = args.length > 5 ? java.util.Arrays.stream(args[5].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {1, 96, month};
        for (int n : sizes) {
            DataRoot root = new DataRoot(work.resolve("history-" + n));
            AtomicFiles.deleteTree(root.root());
            long observations = cloneSweeps(base, root, 0, n + 1, copies);
            String last = sweepId(n);
            Path marker = root.normalizedMarker(last);
            Path hidden = root.root().resolve(last + ".json.hidden");
            Files.move(marker, hidden);
            double scratch = time(() -> CompactJob.run(root));
            Files.move(hidden, marker);
            // Appended, then removed again (its dates rebuilt without it), RUNS times: medians.
            double[] append = new double[RUNS];
            double[] remove = new double[RUNS];
            for (int run = 0; run < RUNS; run++) {
                CompactJob.Result[] appended = new CompactJob.Result[1];
                append[run] = time(() -> appended[0] = CompactJob.run(root));
                if (!appended[0].appended().equals(List.of(last))) {
                    throw new IllegalStateException("sweep " + last + " was not appended: " + appended[0]);
                }
                if (n == month && run == 0) {
                    report = report(launcher, root);
                }
                Files.move(marker, hidden);
                remove[run] = run == 0 ? time(() -> CompactJob.run(root)) : Double.NaN;
                if (run > 0) {
                    CompactJob.run(root);
                }
                Files.move(hidden, marker);
            }
            double rebuild = time(() -> CompactJob.run(root, CompactJob.Mode.REBUILD));
            DataRoot alone = new DataRoot(work.resolve("alone-" + n));
            AtomicFiles.deleteTree(alone.root());
            cloneSweeps(base, alone, n, n + 1, copies);
            double[] aloneRuns = new double[RUNS];
            for (int run = 0; run < RUNS; run++) {
                for (Table t : Table.derived()) {
                    AtomicFiles.deleteTree(alone.table(t.tableName()));
                }
                Files.deleteIfExists(alone.compactManifest());
                aloneRuns[run] = time(() -> CompactJob.run(alone));
            }
            double aloneSeconds = median(aloneRuns);
            double appendSeconds = median(append);
            lines.add(String.format(Locale.ROOT, "%-8d %12d %12.2f %10.2f %8.2f %14.2f %12.2f %12.2f", n, observations,
                    scratch, appendSeconds, aloneSeconds, appendSeconds / aloneSeconds, remove[0], rebuild));
            System.err.println(lines.get(lines.size() - 1));
            AtomicFiles.deleteTree(alone.root());
            if (n != month) {
                AtomicFiles.deleteTree(root.root());
            }
        }
        lines.forEach(System.out::println);
        System.out.println(report);
    }

    static String sweepId(int k) {
        return String.format(Locale.ROOT, "m-%05d", k);
    }

    /** Clones the base sweep into sweeps [from, to) of root; returns the session rows written. */
    static long cloneSweeps(DataRoot base, DataRoot root, int from, int to, int copies) throws IOException, SQLException {
        Files.createDirectories(root.tables());
        DemoRoot.copyTree(base.rawSweep(BASE_SWEEP), root.rawSweep(BASE_SWEEP));
        String marker = Files.readString(base.normalizedMarker(BASE_SWEEP));
        Files.createDirectories(root.normalizedMarkers());
        long sessions = 0;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            for (int chunk = from; chunk < to; chunk += 96) {
                int end = Math.min(to, chunk + 96);
                for (Table t : Table.normalized()) {
                    Path dir = base.table(t.tableName());
                    boolean any;
                    try (Stream<Path> files = Files.walk(dir)) {
                        any = files.anyMatch(p -> p.toString().endsWith(".parquet"));
                    }
                    if (!any) {
                        continue;
                    }
                    boolean copied = t == Table.SESSIONS || t == Table.CENTERS;
                    st.execute("COPY (SELECT " + columns(t, copies) + " FROM read_parquet('" + dir + "/*/*.parquet',"
                            + " hive_partitioning = false) CROSS JOIN range(" + chunk + ", " + end + ") AS g(k)"
                            + (copied ? " CROSS JOIN range(" + copies + ") AS c(r)" : "") + ") TO '" + root.table(t.tableName())
                            + "' (FORMAT parquet, COMPRESSION snappy, PARTITION_BY (sweep_id), WRITE_PARTITION_COLUMNS true,"
                            + " OVERWRITE_OR_IGNORE true, FILENAME_PATTERN 'part-{i}')");
                    long rows = st.getUpdateCount();
                    if (t == Table.SESSIONS) {
                        sessions += rows;
                    }
                    if (rows == 0) {
                        // A table the base sweep has no rows of (rejects): its empty file in every sweep, as normalize writes it.
                        for (int k = chunk; k < end; k++) {
                            Path target = root.tablePartition(t.tableName(), sweepId(k)).resolve(DataRoot.PART_FILE);
                            Files.createDirectories(target.getParent());
                            Files.copy(base.tablePartition(t.tableName(), BASE_SWEEP).resolve(DataRoot.PART_FILE), target);
                        }
                    }
                }
            }
        }
        for (int k = from; k < to; k++) {
            Files.writeString(root.normalizedMarker(sweepId(k)), marker.replace(BASE_SWEEP, sweepId(k)), StandardCharsets.UTF_8);
        }
        return sessions;
    }

    /** The SELECT list of one table's clone for sweep k (and copy r, for centers and sessions). */
    private static String columns(Table t, int copies) {
        List<String> out = new ArrayList<>();
        // A Co-WIN session is on one date: a clone shifted to another date (or another copy) is another session.
        String sessionId = "(printf('%04x%04x', r, k // 96) || substr(session_id, 9))";
        String capacity = "(CASE WHEN hash(" + sessionId + ", (k + hash(" + sessionId + ") % 8) // 8) % 40 < 10 THEN 0"
                + " ELSE CAST(hash(" + sessionId + ", (k + hash(" + sessionId + ") % 8) // 8) % 40 AS INTEGER) END)";
        for (Schema.Field f : t.schema().getFields()) {
            String name = f.name();
            String kind = kind(f.schema());
            String e;
            if (name.equals("sweep_id")) {
                e = "printf('m-%05d', k)";
            } else if (name.endsWith("fetch_id")) {
                e = "replace(" + name + ", '>', printf('-%05d>', k))";
            } else if (kind.equals("timestamp")) {
                e = name + " + to_minutes(CAST(15 * k AS BIGINT))";
            } else if (kind.equals("date")) {
                e = name + " + CAST(k // 96 AS INTEGER)";
            } else if (t == Table.SESSIONS && name.equals("session_id")) {
                e = sessionId;
            } else if ((t == Table.SESSIONS || t == Table.CENTERS) && name.equals("center_id")) {
                e = "center_id + 10000000 * r";
            } else if (t == Table.SESSIONS && name.equals("available_capacity")) {
                e = capacity;
            } else if (t == Table.SESSIONS && name.equals("available_capacity_dose1")) {
                e = "CASE WHEN available_capacity_dose1 IS NULL THEN NULL ELSE " + capacity + " END";
            } else if (t == Table.SESSIONS && name.equals("available_capacity_dose2")) {
                e = "CASE WHEN available_capacity_dose2 IS NULL THEN NULL ELSE 0 END";
            } else if (t == Table.FETCHES && (name.equals("sessions_count") || name.equals("centers_count"))) {
                e = name + " * " + copies;
            } else {
                e = "\"" + name + "\"";
            }
            out.add(e + " AS \"" + name + "\"");
        }
        return out.stream().collect(Collectors.joining(", "));
    }

    private static String kind(Schema s) {
        if (s.getType() == Schema.Type.UNION) {
            for (Schema b : s.getTypes()) {
                if (b.getType() != Schema.Type.NULL) {
                    return kind(b);
                }
            }
        }
        LogicalType l = s.getLogicalType();
        if (l == null) {
            return "";
        }
        return l.getName().contains("timestamp") ? "timestamp" : l.getName();
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        java.util.Arrays.sort(s);
        return s[s.length / 2];
    }

    private interface Step {
        void run() throws Exception;
    }

    private static double time(Step step) throws Exception {
        long t0 = System.nanoTime();
        step.run();
        return (System.nanoTime() - t0) / 1e9;
    }

    /** `LAUNCHER report` over the root, as a user runs it: wall time, peak RSS and its --timings. */
    private static String report(String launcher, DataRoot root) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/time", "-f", "report: %e s %M KB", launcher, "report", "--data-root",
                root.root().toString(), "--release", "bench", "--timings").redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("report failed:\n" + out);
        }
        if (out.contains("vaxslots: building")) {
            // Maven's time and ~1 GB of RSS would be counted as the report's.
            throw new IllegalStateException("the launcher rebuilt the jar inside the timed report (a source changed during"
                    + " the benchmark): run it again\n" + out);
        }
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM read_parquet('" + root.table("session_history")
                        + "/*/*/*.parquet', hive_partitioning = false)")) {
            rs.next();
            return out + "session_history rows: " + rs.getLong(1) + "\n";
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
