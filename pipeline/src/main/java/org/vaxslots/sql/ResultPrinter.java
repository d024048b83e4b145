package org.vaxslots.sql;

import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Prints a result set as an aligned text table, as a terminal user reads it. */
public final class ResultPrinter {
    private ResultPrinter() {}

    /** Prints up to {@code maxRows} rows and says how many more there were. */
    public static void print(ResultSet rs, PrintStream out, int maxRows) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        List<String[]> rows = new ArrayList<>();
        String[] header = new String[n];
        int[] width = new int[n];
        for (int i = 0; i < n; i++) {
            header[i] = md.getColumnLabel(i + 1);
            width[i] = header[i].length();
        }
        long total = 0;
        while (rs.next()) {
            total++;
            if (rows.size() < maxRows) {
                String[] row = new String[n];
                for (int i = 0; i < n; i++) {
                    Object v = rs.getObject(i + 1);
                    row[i] = v == null ? "NULL" : v.toString();
                    width[i] = Math.max(width[i], row[i].length());
                }
                rows.add(row);
            }
        }
        line(out, header, width);
        StringBuilder rule = new StringBuilder();
        for (int w : width) {
            rule.append("-".repeat(w)).append("  ");
        }
        out.println(rule.toString().stripTrailing());
        for (String[] row : rows) {
            line(out, row, width);
        }
        out.println("(" + total + (total == 1 ? " row" : " rows")
                + (total > rows.size() ? ", " + rows.size() + " shown" : "") + ")");
    }

    private static void line(PrintStream out, String[] cells, int[] width) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            b.append(String.format("%-" + width[i] + "s", cells[i])).append("  ");
        }
        out.println(b.toString().stripTrailing());
    }
}
