package org.vaxslots.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The tables, views and columns of a DuckDB connection's main schema, read from its
 * information_schema, as the sql prompt lists ({@code .tables}, {@code .schema}) and completes them.
 * Read afresh when asked, so a view the user creates in the session is listed too.
 */
public final class Catalog {
    /** Column width the listing of {@code .tables} fills, as the DuckDB shell on an 80-column terminal. */
    public static final int LISTING_WIDTH = 80;

    private record Column(String name, String type) {}

    /** Table name → whether it is a view; sorted by name. */
    private final Map<String, Boolean> views;
    private final Map<String, List<Column>> columns;

    private Catalog(Map<String, Boolean> views, Map<String, List<Column>> columns) {
        this.views = views;
        this.columns = columns;
    }

    public static Catalog read(Connection connection) throws SQLException {
        Map<String, Boolean> views = new LinkedHashMap<>();
        Map<String, List<Column>> columns = new LinkedHashMap<>();
        try (Statement st = connection.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT table_name, table_type FROM information_schema.tables"
                    + " WHERE table_schema = 'main' ORDER BY table_name")) {
                while (rs.next()) {
                    views.put(rs.getString(1), "VIEW".equals(rs.getString(2)));
                    columns.put(rs.getString(1), new ArrayList<>());
                }
            }
            // DESCRIBE binds each view; information_schema.columns lists a view's columns only once a query has bound it.
            for (Map.Entry<String, List<Column>> table : columns.entrySet()) {
                try (ResultSet rs = st.executeQuery("DESCRIBE " + quoted(table.getKey()))) {
                    while (rs.next()) {
                        table.getValue().add(new Column(rs.getString("column_name"), rs.getString("column_type")));
                    }
                }
            }
        }
        return new Catalog(views, columns);
    }

    /** The names of the tables and views, sorted: cheap, to tell whether the catalog must be read again. */
    public static List<String> tableNames(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT table_name FROM information_schema.tables"
                        + " WHERE table_schema = 'main' ORDER BY table_name")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    public List<String> tables() {
        return List.copyOf(views.keySet());
    }

    /** Every table, view and column name, sorted and without repeats: what a word may complete to. */
    public List<String> names() {
        TreeSet<String> names = new TreeSet<>(views.keySet());
        columns.values().forEach(cs -> cs.forEach(c -> names.add(c.name())));
        return List.copyOf(names);
    }

    /** {@code .tables}: the names in columns, filled top to bottom, as the DuckDB and SQLite shells print them. */
    public String listing() {
        List<String> names = tables();
        if (names.isEmpty()) {
            return "";
        }
        int width = names.stream().mapToInt(String::length).max().orElse(0) + 2;
        int perLine = Math.max(1, LISTING_WIDTH / width);
        int lines = (names.size() + perLine - 1) / perLine;
        StringBuilder b = new StringBuilder();
        for (int line = 0; line < lines; line++) {
            StringBuilder row = new StringBuilder();
            for (int i = line; i < names.size(); i += lines) {
                row.append(String.format("%-" + width + "s", names.get(i)));
            }
            b.append(row.toString().stripTrailing()).append('\n');
        }
        return b.toString();
    }

    /** {@code .schema TABLE}: its columns and types as a CREATE statement, or empty for a name not in the catalog. */
    public Optional<String> schema(String table) {
        Boolean view = views.get(table);
        if (view == null) {
            return Optional.empty();
        }
        StringBuilder b = new StringBuilder(view ? "CREATE VIEW " : "CREATE TABLE ").append(table).append("(\n");
        List<Column> of = columns.get(table);
        for (int i = 0; i < of.size(); i++) {
            b.append("  ").append(of.get(i).name()).append(' ').append(of.get(i).type())
                    .append(i + 1 < of.size() ? ",\n" : "\n");
        }
        return Optional.of(b.append(");\n").toString());
    }
}
