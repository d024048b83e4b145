package org.vaxslots.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The DuckDB-native baseline (not a test), the tool a user would pick instead of the pipeline:
 * one {@code COPY (SELECT … unnest(sessions) … unnest(centers) … FROM read_json(…)) TO … (FORMAT parquet,
 * PARTITION_BY sweep_id)} over the plain bodies written by {@link BodyExtractor}. The columns are
 * those of the sessions table that the bodies carry (no fetch context beyond the file name), so
 * the baseline does less work per row than normalize, never more.
 *
 * <p>Args: BODIES OUT [THREADS]. Prints {@code duckdb rows=N copy_seconds=S seconds=S}, where
 * copy_seconds is the COPY statement alone and seconds adds driver load and connection.
 */
public final class DuckDbBaseline {
    static final String COLUMNS = "{centers: 'STRUCT(center_id BIGINT, name VARCHAR, address VARCHAR, "
            + "state_name VARCHAR, district_name VARCHAR, block_name VARCHAR, pincode VARCHAR, fee_type VARCHAR, "
            + "sessions STRUCT(session_id VARCHAR, date DATE, available_capacity INTEGER, min_age_limit INTEGER, "
            + "vaccine VARCHAR, slots VARCHAR[], available_capacity_dose1 INTEGER, "
            + "available_capacity_dose2 INTEGER)[])[]'}";

    private DuckDbBaseline() {}

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        Path bodies = Path.of(args[0]).toAbsolutePath();
        Path out = Path.of(args[1]).toAbsolutePath();
        String threads = args.length > 2 ? args[2] : null;
        long rows;
        long copyNanos;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            if (threads != null) {
                st.execute("SET threads = " + Integer.parseInt(threads));
            }
            // unnest in the SELECT list, one level per subquery: the lateral form
            // (FROM r, unnest(r.centers) AS u(ce), unnest(ce.sessions) AS v(s)) measured 10x slower here.
            String sql = "COPY (SELECT sweep_id, fetch_file, s.session_id, ce.center_id, ce.state_name,"
                    + " ce.district_name, ce.block_name, ce.pincode, s.date AS session_date, s.vaccine, s.min_age_limit,"
                    + " s.available_capacity, s.available_capacity_dose1, s.available_capacity_dose2, ce.fee_type,"
                    + " len(s.slots) AS slot_count, s.slots"
                    + " FROM (SELECT sweep_id, fetch_file, ce, unnest(ce.sessions) AS s"
                    + " FROM (SELECT sweep_id, filename AS fetch_file, unnest(centers) AS ce"
                    + " FROM read_json('" + bodies + "/*/*.json', format = 'auto', columns = " + COLUMNS
                    + ", dateformat = '%d-%m-%Y', filename = true, hive_partitioning = true))))"
                    + " TO '" + out + "' (FORMAT parquet, COMPRESSION snappy, PARTITION_BY (sweep_id), OVERWRITE_OR_IGNORE)";
            long c0 = System.nanoTime();
            st.execute(sql);
            copyNanos = System.nanoTime() - c0;
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM read_parquet('" + out + "/*/*.parquet')")) {
                rs.next();
                rows = rs.getLong(1);
            }
        }
        System.out.printf("duckdb rows=%d copy_seconds=%.3f seconds=%.3f%n", rows, copyNanos / 1e9,
                (System.nanoTime() - t0) / 1e9);
    }
}
