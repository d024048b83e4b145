package org.vaxslots.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.vaxslots.sql.DuckDb;
import org.vaxslots.sql.ResultPrinter;
import org.vaxslots.sql.SqlPrompt;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "sql", mixinStandardHelpOptions = true,
        description = {"Query the tables with DuckDB. Views: fetches, centers, sessions, rejects, schema_events,",
                "listed_districts, and once `compact` has run session_history and sweep_district_sessions",
                "(each also as stg_<table>).",
                "With no -c or --file, a prompt: arrow keys edit and recall, Tab completes table and column names,",
                "statements end with ';' and may span lines, .tables and .schema TABLE list what there is,",
                "Ctrl-C cancels a running query, .quit, .exit or Ctrl-D leave. History is kept in",
                "$XDG_STATE_HOME/vaxslots/sql_history (default ~/.local/state/vaxslots/sql_history).",
                "From a pipe, the same statements and dot commands are read from standard input."})
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

    /** On a terminal, the JLine prompt; from a pipe, statements read line by line as before. */
    private void prompt(DuckDb db) throws Exception {
        SqlPrompt prompt = new SqlPrompt(db.connection(), System.out, maxRows);
        if (System.console() == null) {
            prompt.read(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)));
            return;
        }
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            prompt.interact(terminal, SqlPrompt.historyFile(System.getenv(), Path.of(System.getProperty("user.home"))));
        }
    }
}
