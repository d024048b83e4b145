package org.vaxslots.sql;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaxslots.normalize.NormalizeJob;
import org.vaxslots.normalize.NormalizeOptions;
import org.vaxslots.ingest.ImportJob;
import org.vaxslots.store.DataRoot;
import org.vaxslots.testing.Samples;

/** The prompt driven through JLine's external terminal (an xterm over streams) over piped keystrokes, on real DuckDB over one imported sample. */
class SqlPromptTest {
    private static final Instant AS_OF = Instant.parse("2021-05-24T06:30:00Z");
    private static final String CTRL_P = "\u0010";
    private static final String SESSIONS_SCHEMA = "CREATE VIEW sessions(\n"
                + "  sweep_id VARCHAR,\n"
                + "  fetch_id VARCHAR,\n"
                + "  as_of_at TIMESTAMP,\n"
                + "  endpoint VARCHAR,\n"
                + "  session_id VARCHAR,\n"
                + "  center_id BIGINT,\n"
                + "  state_name VARCHAR,\n"
                + "  district_name VARCHAR,\n"
                + "  district_id INTEGER,\n"
                + "  block_name VARCHAR,\n"
                + "  pincode VARCHAR,\n"
                + "  session_date DATE,\n"
                + "  vaccine VARCHAR,\n"
                + "  min_age_limit INTEGER,\n"
                + "  max_age_limit INTEGER,\n"
                + "  allow_all_age BOOLEAN,\n"
                + "  age_group VARCHAR,\n"
                + "  available_capacity INTEGER,\n"
                + "  available_capacity_dose1 INTEGER,\n"
                + "  available_capacity_dose2 INTEGER,\n"
                + "  fee_type VARCHAR,\n"
                + "  fee VARCHAR,\n"
                + "  slot_count INTEGER,\n"
                + "  slots VARCHAR[],\n"
                + "  slot_seats_total INTEGER,\n"
                + "  is_capacity_rounded BOOLEAN,\n"
                + "  capacity_as_sent VARCHAR\n"
                + ");\n";

    @TempDir
    static Path shared;
    private static DuckDb db;

    @TempDir
    Path state;

    @BeforeAll
    static void importOneSample() throws Exception {
        DataRoot root = new DataRoot(shared.resolve("data"));
        ImportJob.run(root, new ImportJob.Request("s", AS_OF, null, Map.of(),
                List.of(Samples.writeTo(shared.resolve("in"), List.of(Samples.availabilityNames().get(5))))), AS_OF, w -> { });
        NormalizeJob.run(PipelineOptionsFactory.fromArgs("--dataRoot=" + root.root()).as(NormalizeOptions.class));
        db = DuckDb.open(root);
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    /** What the prompt printed (results and errors, not the echo of the keys) for these keystrokes. */
    private String type(String keys) throws Exception {
        ByteArrayOutputStream results = new ByteArrayOutputStream();
        try (Terminal terminal = new ExternalTerminal("test", "xterm", new ByteArrayInputStream(keys.getBytes(UTF_8)),
                OutputStream.nullOutputStream(), UTF_8)) {
            new SqlPrompt(db.connection(), new PrintStream(results, true, UTF_8), 50).interact(terminal, history());
        }
        return results.toString(UTF_8);
    }

    private Path history() {
        return SqlPrompt.historyFile(Map.of("XDG_STATE_HOME", state.toString()), state.resolve("no-such-home"));
    }

    @Test
    void interact_statementOverTwoLines_runsOnceAtTheSemicolon() throws Exception {
        String printed = type("SELECT count(*) AS sessions\nFROM sessions;\n.quit\n");

        assertEquals("sessions\n--------\n247\n(1 row)\n", printed);
    }

    @Test
    void interact_tables_listsTheViewsInColumns() throws Exception {
        // DuckDb makes the views (another branch may add tables): the list is read from it, each with its stg_ view.
        List<String> expected = db.tables().stream().flatMap(t -> Stream.of(t, "stg_" + t)).sorted().toList();

        String printed = type(".tables\n");

        assertEquals(expected, Stream.of(printed.strip().split("\\s+")).sorted().toList());
        assertEquals(Catalog.read(db.connection()).listing(), printed);
    }

    @Test
    void interact_schemaSessions_showsItsColumnsAndTypes() throws Exception {
        String printed = type(".schema sessions\n");

        assertEquals(SESSIONS_SCHEMA, printed);
    }

    @Test
    void interact_tabAfterTablePrefix_completesTheName() throws Exception {
        String printed = type("SELECT count(*) AS n FROM stg_sess\t;\n");

        assertEquals("n\n---\n247\n(1 row)\n", printed);
    }

    @Test
    void interact_failingStatement_printsOneLineAndKeepsThePrompt() throws Exception {
        String printed = type("SELECT * FROM no_such_table;\nSELECT 1 AS one;\n");

        assertEquals("error: Catalog Error: Table with name no_such_table does not exist! Did you mean \"pg_tables\"?\n"
                + "one\n---\n1\n(1 row)\n", printed);
    }

    @Test
    void interact_secondRun_recallsTheFirstRunsStatementFromHistory() throws Exception {
        type("SELECT 41 + 1 AS answer;\n");
        String printed = type(CTRL_P + "\n");

        assertEquals("answer\n------\n42\n(1 row)\n", printed);
        assertEquals(List.of("SELECT 41 + 1 AS answer;"),
                Files.readAllLines(history()).stream().map(line -> line.substring(line.indexOf(':') + 1)).toList());
    }

    @Test
    void historyFile_withoutXdgStateHome_isUnderLocalState() {
        Path home = state.resolve("home-u");
        assertEquals(home.resolve(".local/state/vaxslots/sql_history"), SqlPrompt.historyFile(Map.of(), home));
    }

    @Test
    void read_pipedStatements_runAsBeforeWithThePrompts() throws Exception {
        ByteArrayOutputStream results = new ByteArrayOutputStream();
        SqlPrompt prompt = new SqlPrompt(db.connection(), new PrintStream(results, true, UTF_8), 50);

        prompt.read(new BufferedReader(new StringReader("SELECT 1\n AS one;\n.exit\nSELECT 2;\n")));

        assertEquals("vaxslots> " + SqlPrompt.CONTINUATION + "one\n---\n1\n(1 row)\nvaxslots> ", results.toString(UTF_8));
    }
}
