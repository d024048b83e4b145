package org.vaxslots.sql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.vaxslots.store.AtomicFiles;
import org.vaxslots.store.DataRoot;
import org.vaxslots.store.DataRootLock;
import org.vaxslots.compact.CompactJob;
import org.vaxslots.report.CsvCells;

/**
 * Executes a numbered notebook ({@code notebooks-sql/explore/NN_name.sql}) statement by statement
 * over a data root, after the staging, intermediate and marts layers, and writes Markdown with each
 * statement's SQL and the first rows of its result, so an analysis reads on GitHub. A failing
 * statement stops the run with its number and DuckDB's message.
 */
public final class NotebookRunner {
    /** Rows of each result shown in the Markdown. */
    public static final int SHOWN_ROWS = 20;

    public record Result(Path markdown, int statements) {}

    private NotebookRunner() {}

    public static Result run(DataRoot root, Path sqlFile, Path outMarkdown) throws IOException, SQLException {
        String text = Files.readString(sqlFile, StandardCharsets.UTF_8);
        List<String> statements = statements(text);
        StringBuilder md = new StringBuilder();
        md.append("# ").append(sqlFile.getFileName()).append("\n\n")
                .append("Executed by `vaxslots notebook` over the tables of a data root; each statement is followed by")
                .append(" the first ").append(SHOWN_ROWS).append(" rows of its result.\n");
        try (DataRootLock lock = DataRootLock.acquire(root, "notebook")) {
            CompactJob.run(root);
        }
        try (SqlLayers layers = SqlLayers.build(root, null, null)) {
            int n = 0;
            for (String sql : statements) {
                n++;
                md.append("\n## Statement ").append(n).append("\n\n```sql\n").append(sql).append("\n```\n\n");
                try (Statement st = layers.connection().createStatement()) {
                    if (st.execute(sql)) {
                        try (ResultSet rs = st.getResultSet()) {
                            table(rs, md);
                        }
                    } else {
                        md.append("(done)\n");
                    }
                } catch (SQLException e) {
                    throw new SQLException(sqlFile + ": statement " + n + " failed: " + e.getMessage(), e);
                }
            }
        }
        AtomicFiles.writeAtomically(outMarkdown.toAbsolutePath(), md.toString().getBytes(StandardCharsets.UTF_8));
        return new Result(outMarkdown, statements.size());
    }

    private static void table(ResultSet rs, StringBuilder md) throws SQLException {
        int cols = rs.getMetaData().getColumnCount();
        md.append('|');
        for (int i = 1; i <= cols; i++) {
            md.append(' ').append(escape(rs.getMetaData().getColumnLabel(i))).append(" |");
        }
        md.append("\n|");
        md.append("---|".repeat(cols));
        md.append('\n');
        long rows = 0;
        while (rs.next()) {
            rows++;
            if (rows <= SHOWN_ROWS) {
                md.append('|');
                for (int i = 1; i <= cols; i++) {
                    md.append(' ').append(escape(CsvCells.cell(rs.getObject(i)))).append(" |");
                }
                md.append('\n');
            }
        }
        md.append('\n').append(rows).append(rows == 1 ? " row" : " rows")
                .append(rows > SHOWN_ROWS ? ", first " + SHOWN_ROWS + " shown" : "").append(".\n");
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ");
    }

    /** Splits SQL on semicolons outside quotes and comments; comment-only pieces are dropped. */
    static List<String> statements(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean code = false;
        int i = 0;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (ch == '-' && i + 1 < text.length() && text.charAt(i + 1) == '-') {
                int end = text.indexOf('\n', i);
                end = end < 0 ? text.length() : end;
                cur.append(text, i, end);
                i = end;
            } else if (ch == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? text.length() : end + 2;
                cur.append(text, i, end);
                i = end;
            } else if (ch == '\'' || ch == '"') {
                int end = i + 1;
                while (end < text.length()) {
                    if (text.charAt(end) == ch) {
                        if (end + 1 < text.length() && text.charAt(end + 1) == ch) {
                            end += 2;
                            continue;
                        }
                        break;
                    }
                    end++;
                }
                end = Math.min(end + 1, text.length());
                cur.append(text, i, end);
                code = true;
                i = end;
            } else if (ch == ';') {
                if (code) {
                    out.add(cur.toString().strip());
                }
                cur.setLength(0);
                code = false;
                i++;
            } else {
                code |= !Character.isWhitespace(ch);
                cur.append(ch);
                i++;
            }
        }
        if (code) {
            out.add(cur.toString().strip());
        }
        return out;
    }
}
