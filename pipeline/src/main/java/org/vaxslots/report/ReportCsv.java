package org.vaxslots.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes one reports/*.sql SELECT as a published CSV: UTF-8 without BOM, one header row (the
 * SELECT's column names), LF line ends, fields quoted only when needed, cells by {@link CsvCells}.
 * Rows stream from DuckDB to the file, so a large pack is not held in memory.
 */
final class ReportCsv {
    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();

    record Written(Path file, List<String> columns, long rows) {}

    private ReportCsv() {}

    static Written write(Connection connection, String sql, Path file) throws SQLException, IOException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql);
                Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(out, FORMAT)) {
            ResultSetMetaData meta = rs.getMetaData();
            int n = meta.getColumnCount();
            List<String> columns = new ArrayList<>(n);
            for (int i = 1; i <= n; i++) {
                columns.add(meta.getColumnLabel(i));
            }
            csv.printRecord(columns);
            long rows = 0;
            List<String> record = new ArrayList<>(n);
            while (rs.next()) {
                record.clear();
                for (int i = 1; i <= n; i++) {
                    record.add(CsvCells.cell(rs.getObject(i)));
                }
                csv.printRecord(record);
                rows++;
            }
            return new Written(file, List.copyOf(columns), rows);
        }
    }
}
