package org.vaxslots.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;
import org.vaxslots.sql.DuckDb;
import org.vaxslots.sql.ResultPrinter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "sql", mixinStandardHelpOptions = true,
        description = {"Query the tables with DuckDB. Views: fetches, centers, sessions, rejects, schema_events,",
                "listed_districts, and once `compact` has run session_history and sweep_district_sessions",
                "(each also as stg_<table>).",
                "With no -c or --file, an interactive prompt",
                "(statements end with ';', quit with .quit or end of input)."})
final class SqlCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    static final class Source {
        @Option(names = {"-c", "--command"}, paramLabel = "SQL", description = "Run this SQL and print the result.")
        String sql;

        @Option(names = "--file", paramLabel = "FILE", description = "Run the SQL in this file.")
        Path file;
    }

    @ArgGroup(exclusive = true)
    Source source;

    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "50", description = "Rows to print (default: ${DEFAULT-VALUE}).")
    int maxRows;

    @Override
    public Integer call() throws Exception {
        try (DuckDb db = DuckDb.open(common.root())) {
            if (db.tables().isEmpty()) {
                System.err.println("vaxslots: warning: no tables under " + common.root().tables()
                        + " yet: run vaxslots import and vaxslots normalize first");
            }
            if (source != null && source.sql != null) {
                run(db, source.sql);
            } else if (source != null && source.file != null) {
                run(db, Files.readString(source.file));
            } else {
                prompt(db);
            }
        }
        return 0;
    }

    private void run(DuckDb db, String sql) throws SQLException {
        try (Statement st = db.connection().createStatement()) {
            if (st.execute(sql)) {
                ResultPrinter.print(st.getResultSet(), System.out, maxRows);
            }
        }
    }

    private void prompt(DuckDb db) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        StringBuilder statement = new StringBuilder();
        System.out.print("vaxslots> ");
        System.out.flush();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (statement.isEmpty() && line.trim().equals(".quit")) {
                return;
            }
            statement.append(line).append('\n');
            if (line.trim().endsWith(";")) {
                try {
                    run(db, statement.toString());
                } catch (SQLException e) {
                    System.out.println("error: " + e.getMessage());
                }
                statement.setLength(0);
            }
            System.out.print(statement.isEmpty() ? "vaxslots> " : "      ..> ");
            System.out.flush();
        }
        System.out.println();
    }
}
