package org.vaxslots.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.vaxslots.store.DataRoot;

/**
 * Reads tables back the way a user would: a fresh DuckDB with read_parquet over the hive-partitioned
 * files, independent of the project's own views.
 */
public final class Duck {
    private Duck() {}

    public static String table(Path dataRoot, String table) {
        // compact's tables hold every column in their files, under partitions of two kinds (session_history).
        boolean derived = org.vaxslots.schema.Table.named(table).writer() == org.vaxslots.schema.Table.Writer.COMPACT;
        return "read_parquet('" + new DataRoot(dataRoot).table(table) + "/**/*.parquet', hive_partitioning = "
                + !derived + ")";
    }

    /** Every row of the query, each as a list of column values. */
    public static List<List<Object>> rows(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            List<List<Object>> out = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>(n);
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getObject(i));
                }
                out.add(row);
            }
            return out;
        }
    }

    public static long count(String sql) throws SQLException {
        return ((Number) rows(sql).get(0).get(0)).longValue();
    }
}
