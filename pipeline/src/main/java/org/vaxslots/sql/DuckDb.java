package org.vaxslots.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.vaxslots.schema.Table;
import org.vaxslots.store.DataRoot;

/**
 * An in-memory DuckDB over a data root's tables. Relative paths in SQL resolve against the data
 * root (DuckDB's file_search_path), so the notebooks-sql files run unchanged here and in a DuckDB
 * shell started in the data root. For each table with data, the staging view {@code stg_<table>}
 * and the plain name {@code <table>} are created.
 */
public final class DuckDb implements AutoCloseable {
    /** Tables written by {@code vaxslots compact} from sessions, not by normalize. */
    public static final List<String> DERIVED_TABLES = List.of("session_history", "sweep_district_sessions");

    private final Connection connection;
    private final List<String> tables;

    private DuckDb(Connection connection, List<String> tables) {
        this.connection = connection;
        this.tables = tables;
    }

    /** Memory DuckDB may use before it spills to tmp/duckdb/; $VAXSLOTS_DUCKDB_MEMORY overrides. */
    public static final String DEFAULT_MEMORY_LIMIT = "4GB";

    /**
     * An in-memory DuckDB bounded in memory: its default (80% of RAM) let a report over tens of
     * millions of rows take 18 GB of a shared machine. Past the limit it spills to the data root's
     * tmp/duckdb/, or fails with a clear out-of-memory error, instead of taking the machine down.
     */
    public static Connection connect(DataRoot root) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:duckdb:");
        String limit = System.getenv("VAXSLOTS_DUCKDB_MEMORY");
        try (Statement st = c.createStatement()) {
            st.execute("SET memory_limit = '" + (limit == null || limit.isBlank() ? DEFAULT_MEMORY_LIMIT : limit.replace("'", "")) + "'");
            st.execute("SET temp_directory = '" + root.tmp().resolve("duckdb").toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }

    public static DuckDb open(DataRoot root) throws SQLException {
        Connection c = connect(root);
        List<String> created = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            st.execute("SET file_search_path = '" + root.root().toString().replace("'", "''") + "'");
            // The staging views call the macros (normalized_sweeps()), as in the runner.
            for (String entry : SqlLayers.index()) {
                if (entry.startsWith(SqlLayers.MACROS)) {
                    st.execute(SqlLayers.sql(entry));
                }
            }
            for (Table t : Table.normalized()) {
                if (hasParquet(root.table(t.tableName()))) {
                    st.execute(stagingSql(t));
                    st.execute("CREATE OR REPLACE VIEW " + t.tableName() + " AS SELECT * FROM stg_" + t.tableName());
                    created.add(t.tableName());
                }
            }
            // The derived tables of `vaxslots compact`, once it has run.
            for (String derived : DERIVED_TABLES) {
                if (hasParquet(root.table(derived))) {
                    st.execute(stagingSql(derived));
                    st.execute("CREATE OR REPLACE VIEW " + derived + " AS SELECT * FROM stg_" + derived);
                    created.add(derived);
                }
            }
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return new DuckDb(c, List.copyOf(created));
    }

    public Connection connection() {
        return connection;
    }

    /** Tables that had data and got views. */
    public List<String> tables() {
        return tables;
    }

    static String stagingSql(Table t) {
        return stagingSql(t.tableName());
    }

    private static String stagingSql(String table) {
        String resource = "/notebooks-sql/staging/stg_" + table + ".sql";
        try (InputStream in = DuckDb.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath: rebuild the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** Whether any Parquet file lies under {@code dir}. */
    public static boolean hasParquet(Path dir) {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.anyMatch(p -> p.getFileName().toString().endsWith(".parquet"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
