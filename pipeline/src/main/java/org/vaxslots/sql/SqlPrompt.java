package org.vaxslots.sql;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.EOFError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;

/**
 * The interactive {@code vaxslots sql} prompt. On a terminal (JLine): line editing, history kept
 * across runs, statements over several lines until one ends with {@code ;}, completion of table,
 * view and column names, and Ctrl-C cancelling the running query. From a pipe: the same
 * statements and dot commands read line by line. Either way an error is printed in one line and
 * the prompt goes on; {@code .quit}, {@code .exit} or end of input leave.
 */
public final class SqlPrompt {
    public static final String PROMPT = "vaxslots> ";
    public static final String CONTINUATION = "      ..> ";
    public static final String HELP = """
            .tables          list the tables and views
            .schema [TABLE]  the columns of TABLE (or of every table) as a CREATE statement
            .quit, .exit     leave (also Ctrl-D)
            Statements end with ';'. Ctrl-C cancels a running query.
            """;

    private final Connection connection;
    private final PrintStream out;
    private final int maxRows;
    private volatile Statement running;
    private volatile List<String> names;
    private List<String> tables;

    public SqlPrompt(Connection connection, PrintStream out, int maxRows) throws SQLException {
        this.connection = connection;
        this.out = out;
        this.maxRows = maxRows;
        refresh();
    }

    /** Reads the names to complete again when the statement just run added or dropped a table or view. */
    private void refresh() throws SQLException {
        List<String> now = Catalog.tableNames(connection);
        if (!now.equals(tables)) {
            tables = now;
            names = Catalog.read(connection).names();
        }
    }

    /** Where history is kept: {@code $XDG_STATE_HOME/vaxslots/sql_history}, else under {@code ~/.local/state}. */
    public static Path historyFile(Map<String, String> env, Path home) {
        String state = env.get("XDG_STATE_HOME");
        Path dir = state == null || state.isBlank() ? home.resolve(".local").resolve("state") : Path.of(state);
        return dir.resolve("vaxslots").resolve("sql_history");
    }

    /** Reads and runs inputs from a terminal until the user leaves; history is loaded from and saved to {@code history}. */
    public void interact(Terminal terminal, Path history) throws IOException {
        Files.createDirectories(history.toAbsolutePath().getParent());
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("vaxslots")
                .parser(new StatementParser())
                .completer(completer())
                .variable(LineReader.HISTORY_FILE, history)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, CONTINUATION)
                // SQL's != must not be read as a history event.
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .build();
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> cancel());
        try {
            while (true) {
                String input;
                try {
                    input = reader.readLine(PROMPT);
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    break;
                }
                if (!handle(input)) {
                    break;
                }
            }
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
            reader.getHistory().save();
        }
    }

    /** Reads and runs inputs from a stream that is not a terminal (SQL piped in), printing the prompts as it goes. */
    public void read(BufferedReader in) throws IOException {
        StringBuilder statement = new StringBuilder();
        out.print(PROMPT);
        out.flush();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            statement.append(line).append('\n');
            if (StatementParser.complete(statement.toString())) {
                boolean more = handle(statement.toString());
                statement.setLength(0);
                if (!more) {
                    return;
                }
            }
            out.print(statement.isEmpty() ? PROMPT : CONTINUATION);
            out.flush();
        }
        out.println();
    }

    /** Runs one whole input, a dot command or SQL; false when it asks to leave. */
    boolean handle(String input) {
        String text = input.strip();
        if (text.isEmpty()) {
            return true;
        }
        try {
            if (text.startsWith(".")) {
                return dotCommand(text);
            }
            run(input);
            refresh();
        } catch (SQLException e) {
            out.println("error: " + oneLine(e.getMessage()));
        }
        out.flush();
        return true;
    }

    private boolean dotCommand(String text) throws SQLException {
        String[] words = text.split("\\s+");
        switch (words[0]) {
            case ".quit", ".exit" -> {
                return false;
            }
            case ".help" -> out.print(HELP);
            case ".tables" -> out.print(Catalog.read(connection).listing());
            case ".schema" -> {
                Catalog catalog = Catalog.read(connection);
                List<String> tables = words.length > 1 ? List.of(words[1]) : catalog.tables();
                for (String table : tables) {
                    catalog.schema(table).ifPresentOrElse(out::print, () -> out.println(
                            "error: no table or view named " + table + ": .tables lists them"));
                }
            }
            default -> out.println("error: unknown command " + words[0] + ": .help lists the commands");
        }
        out.flush();
        return true;
    }

    private void run(String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            running = st;
            try {
                if (st.execute(sql)) {
                    ResultPrinter.print(st.getResultSet(), out, maxRows);
                }
            } finally {
                running = null;
            }
        }
    }

    /** Ctrl-C while a query runs: DuckDB stops it and the statement fails with "Interrupted". */
    private void cancel() {
        Statement st = running;
        if (st != null) {
            try {
                st.cancel();
            } catch (SQLException e) {
                out.println("error: cannot cancel: " + oneLine(e.getMessage()));
            }
        }
    }

    /** DuckDB JDBC's wrapper around the real message of a statement that failed to bind or run. */
    private static final String PENDING_WRAPPER =
            "Invalid Input Error: Attempting to execute an unsuccessful or closed pending query result\\s*Error: ";

    /** DuckDB's message, without its JDBC wrapper, up to its first blank line (before the "LINE 1: ..." excerpt), on one line. */
    static String oneLine(String message) {
        if (message == null || message.isBlank()) {
            return "(DuckDB gave no message)";
        }
        String text = message.strip().replaceFirst("^" + PENDING_WRAPPER, "");
        return text.split("\\R\\s*\\R", 2)[0].replaceAll("\\s*\\R\\s*", " ");
    }

    private Completer completer() {
        return (reader, line, candidates) -> {
            for (String name : names) {
                candidates.add(new Candidate(name));
            }
        };
    }

    /** Words split where SQL splits them; a line is accepted once the statement ends with ';' or is a dot command. */
    static final class StatementParser extends DefaultParser {
        static boolean complete(String input) {
            String text = input.strip();
            return text.isEmpty() || text.startsWith(".") || text.endsWith(";");
        }

        @Override
        public ParsedLine parse(String line, int cursor, ParseContext context) {
            if (context == ParseContext.ACCEPT_LINE && !complete(line)) {
                throw new EOFError(-1, cursor, "statement not ended with ;", "statement");
            }
            return super.parse(line, cursor, context);
        }

        @Override
        public boolean isDelimiterChar(CharSequence buffer, int pos) {
            char c = buffer.charAt(pos);
            return Character.isWhitespace(c) || "(),;=<>+*/|".indexOf(c) >= 0;
        }
    }
}
