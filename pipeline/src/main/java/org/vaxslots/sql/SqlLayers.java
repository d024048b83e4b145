package org.vaxslots.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.vaxslots.compact.EmptyDerivedTables;
import org.vaxslots.store.DataRoot;
import org.vaxslots.store.WorkDirs;

/**
 * The notebooks-sql layers over one data root, in the order of {@code notebooks-sql/index.txt}
 * (read from the classpath: the pom copies notebooks-sql/ into the jar). Staging, intermediate and
 * marts are executed as they are; reports and checks are single SELECTs, run on demand. The
 * reference tables are copied out of the classpath into a directory under the data root's tmp/
 * and put on DuckDB's file_search_path beside the data root, exactly as a DuckDB shell user would
 * set it; the age-group rule table goes beside them, as data-schema/ sits beside notebooks-sql/ in
 * the repository. The report range is the pair of variables report_from and report_to, which only
 * {@code macros/report_range.sql} reads. {@code pack/} holds the SELECTs behind the pack's charts
 * and README facts, run on demand like reports.
 */
public final class SqlLayers implements AutoCloseable {
    static final String INDEX = "/notebooks-sql/index.txt";
    static final List<String> BUILD_LAYERS = List.of("macros/", "staging/", "intermediate/", "marts/");
    /** The macros every later layer uses; {@link DuckDb#open} creates them too, for its staging views. */
    public static final String MACROS = "macros/";
    /** The SELECTs behind the pack's charts and its README and manifest facts. */
    public static final String PACK = "pack/";
    /** The age-group rule table, which staging reads as ../data-schema/age_groups.csv beside notebooks-sql/. */
    static final String AGE_GROUPS = "/data-schema/age_groups.csv";
    /** A directory: when set, DuckDB writes a JSON profile of each file built there (operators, rows, time). */
    public static final String PROFILE_ENV = "VAXSLOTS_DUCKDB_PROFILE";

    private final Connection connection;
    private final WorkDirs.WorkDir referenceDir;
    private final List<String> index;
    private final Map<String, Duration> timings = new LinkedHashMap<>();

    private SqlLayers(Connection connection, WorkDirs.WorkDir referenceDir, List<String> index) {
        this.connection = connection;
        this.referenceDir = referenceDir;
        this.index = index;
    }

    /** Opens DuckDB over the root and builds staging, intermediate and marts for the range. */
    public static SqlLayers build(DataRoot root, LocalDate from, LocalDate to) throws IOException, SQLException {
        if (!Files.isDirectory(root.table("fetches")) || !Files.isDirectory(root.table("sessions"))) {
            throw new IllegalStateException("no tables under " + root.tables() + ": run `vaxslots normalize` first");
        }
        if (!DuckDb.hasParquet(root.table("listed_districts"))) {
            // Without it every sweep would silently be measured against the bundled district list.
            throw new IllegalStateException("no table listed_districts under " + root.tables() + ": its sweeps were"
                    + " normalized by an older vaxslots; run `vaxslots normalize`, which normalizes them again");
        }
        List<String> index = index();
        WorkDirs.WorkDir work = WorkDirs.create(root.tmp(), "notebooks-sql-");
        Path refDir = work.path();
        Connection c;
        try {
            c = DuckDb.connect(root);
        } catch (SQLException | RuntimeException e) {
            work.close();
            throw e;
        }
        SqlLayers layers = new SqlLayers(c, work, index);
        try {
            Path notebooks = refDir.resolve("notebooks-sql");
            for (String entry : index) {
                if (entry.startsWith("reference/")) {
                    Path target = notebooks.resolve(entry);
                    Files.createDirectories(target.getParent());
                    Files.write(target, resource(entry));
                }
            }
            Path ageGroups = refDir.resolve(AGE_GROUPS.substring(1));
            Files.createDirectories(ageGroups.getParent());
            Files.write(ageGroups, classpath(AGE_GROUPS));
            try (Statement st = c.createStatement()) {
                st.execute("SET file_search_path = '" + quote(root.root().toString()) + "," + quote(notebooks.toString()) + "'");
            }
            setVariable(c, "report_from", from);
            setVariable(c, "report_to", to);
            for (String entry : index) {
                String derived = derivedTable(entry);
                if (derived != null && !DuckDb.hasParquet(root.table(derived))) {
                    layers.execute(entry, EmptyDerivedTables.stagingView(derived));
                } else if (BUILD_LAYERS.stream().anyMatch(entry::startsWith)) {
                    layers.execute(entry);
                }
            }
        } catch (IOException | SQLException | RuntimeException e) {
            layers.close();
            throw e;
        }
        return layers;
    }

    /** The entries of notebooks-sql/index.txt, in order, without comments. */
    public static List<String> index() {
        List<String> out = new ArrayList<>();
        for (String line : new String(resource("index.txt"), StandardCharsets.UTF_8).split("\n")) {
            String entry = line.strip();
            if (!entry.isEmpty() && !entry.startsWith("#")) {
                out.add(entry);
            }
        }
        return List.copyOf(out);
    }

    /** Entries of one layer (e.g. "reports/"), in index order. */
    public List<String> entries(String layer) {
        return index.stream().filter(e -> e.startsWith(layer)).toList();
    }

    /** The text of a notebooks-sql file from the classpath, e.g. "reports/crawl_coverage.sql". */
    public static String sql(String entry) {
        return new String(resource(entry), StandardCharsets.UTF_8);
    }

    public Connection connection() {
        return connection;
    }

    /** Wall time of each file executed so far, in order (report --timings prints them). */
    public Map<String, Duration> timings() {
        return Collections.unmodifiableMap(timings);
    }

    /** The derived table a staging entry reads, e.g. session_history; null for any other entry. */
    private static String derivedTable(String entry) {
        for (String t : DuckDb.DERIVED_TABLES) {
            if (entry.equals("staging/stg_" + t + ".sql")) {
                return t;
            }
        }
        return null;
    }

    private void execute(String entry) throws SQLException {
        execute(entry, sql(entry));
    }

    private void execute(String entry, String sql) throws SQLException {
        long start = System.nanoTime();
        try (Statement st = connection.createStatement()) {
            String profile = System.getenv(PROFILE_ENV);
            if (profile != null && !profile.isBlank()) {
                st.execute("SET enable_profiling = 'json'");
                st.execute("SET profiling_output = '" + quote(Path.of(profile, entry.replace('/', '-') + ".json").toString()) + "'");
            }
            st.execute(sql);
            timings.put(entry, Duration.ofNanos(System.nanoTime() - start));
        } catch (SQLException e) {
            String hint = entry.startsWith("staging/") && e.getMessage() != null && e.getMessage().contains("not found")
                    ? " (a column the view lists is missing: the table was written by an older vaxslots;"
                            + " run `vaxslots normalize --rebuild`)"
                    : "";
            throw new SQLException("notebooks-sql/" + entry + " failed: " + e.getMessage() + hint, e);
        }
    }

    private static void setVariable(Connection c, String name, LocalDate value) throws SQLException {
        String literal = value == null ? "CAST(NULL AS DATE)" : "DATE '" + value + "'";
        try (PreparedStatement st = c.prepareStatement("SET VARIABLE " + name + " = " + literal)) {
            st.execute();
        }
    }

    private static byte[] resource(String entry) {
        return classpath("/notebooks-sql/" + entry);
    }

    private static byte[] classpath(String name) {
        try (InputStream in = SqlLayers.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the classpath: rebuild the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    private static String quote(String s) {
        return s.replace("'", "''");
    }

    @Override
    public void close() throws SQLException {
        try {
            connection.close();
        } finally {
            try {
                referenceDir.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + referenceDir.path(), e);
            }
        }
    }
}
