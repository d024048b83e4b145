package org.vaxslots.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @TempDir
    Path dir;

    @BeforeEach
    void capture() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void commands_areRegisteredUnderTheirOwnNames() {
        Main.COMMANDS.forEach((name, command) ->
                assertEquals(name, new picocli.CommandLine(command.get()).getCommandName()));
    }

    @Test
    void help_listsEveryCommand_andEachCommandsHelpNamesItUnderVaxslots() {
        assertEquals(0, Main.execute("-h"));
        String help = out.toString(StandardCharsets.UTF_8);
        for (String name : Main.COMMANDS.keySet()) {
            assertTrue(help.contains("\n  " + name + " "), name + " is listed in:\n" + help);
        }
        assertTrue(help.contains("\n  help "), help);
        out.reset();
        assertEquals(0, Main.execute("snapshot", "-h"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Usage: vaxslots snapshot "), out.toString(StandardCharsets.UTF_8));
        out.reset();
        assertEquals(0, Main.execute("help", "report"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("Usage: vaxslots report "), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void noCommand_listsEachCommandWithAWholeSentence() {
        assertEquals(2, Main.execute());
        String usage = stderr();
        String list = usage.substring(usage.indexOf("Commands:\n") + "Commands:\n".length(), usage.indexOf("\n\nExit codes"));
        Map<String, String> entries = new LinkedHashMap<>();
        String name = null;
        for (String line : list.split("\n")) {
            if (line.startsWith("  ") && !line.startsWith("   ")) {
                name = line.trim().split(" ", 2)[0];
                entries.put(name, line.trim().substring(name.length()).trim());
            } else {
                entries.merge(name, line.trim(), (a, b) -> a + " " + b);
            }
        }

        assertEquals(List.of("demo", "import", "normalize", "sql", "simulate", "snapshot", "compact", "report", "publish",
                "notebook", "audit", "help"), List.copyOf(entries.keySet()));
        assertEquals("The whole pipeline on this machine, no network: starts the Co-WIN simulator on 127.0.0.1, runs a"
                + " simulated day of sweeps of one state (simulated clock, 15-minute cadence, budget = the simulator's"
                + " limit), normalizes them and prints slot coverage by district and age group, and writes a report pack.",
                entries.get("demo"));
        assertEquals("Display help information about the specified command.", entries.get("help"));
        entries.forEach((command, sentence) -> assertTrue(sentence.endsWith(".") && sentence.indexOf(". ") < 0,
                command + ": one whole sentence, not \"" + sentence + "\""));
    }

    @Test
    void firstSentence_abbreviationsAddressesAndFormatEscapes_doNotEndIt() {
        assertEquals("Serve on 127.0.0.1, e.g. port 8080, at 100%.",
                Main.firstSentence(new String[] {"%nServe on 127.0.0.1, e.g. port", "8080, at 100%%. Then stop."}));
        assertEquals("No full stop", Main.firstSentence(new String[] {"No full", "stop"}));
    }

    @Test
    void unknownCommand_exits2AndSuggestsTheNearestOne() {
        assertEquals(2, Main.execute("snapshott"));
        assertTrue(stderr().contains("snapshot"), stderr());
    }

    @Test
    void main_unknownOption_exits2WithUsage() {
        assertEquals(2, Main.execute("import", "--bogus", "x"));
        assertTrue(stderr().contains("Unknown option: '--bogus'"), stderr());
    }

    @Test
    void import_missingFile_exits1WithOneLineNamingIt() {
        int code = Main.execute("import", "--data-root", dir.toString(), "--as-of", "2021-05-04T10:00:00Z",
                dir.resolve("missing.json").toString());

        assertEquals(1, code);
        assertEquals("vaxslots: error: no such file or directory: " + dir.resolve("missing.json") + "\n"
                + "(run with --verbose for details)\n", stderr());
    }

    @Test
    void import_badAsOf_exits2NamingTheValueAndTheFix() {
        assertEquals(2, Main.execute("import", "--data-root", dir.toString(), "--as-of", "yesterday", dir.toString()));
        assertTrue(stderr().startsWith("vaxslots: error: --as-of 'yesterday' is not an instant with an offset, e.g."),
                stderr());
    }

    @Test
    void sql_onEmptyDataRoot_warnsAndStillRuns() {
        assertEquals(0, Main.execute("sql", "--data-root", dir.toString(), "-c", "SELECT 42 AS answer"));
        assertTrue(stderr().contains("no tables under"), stderr());
        assertEquals("answer\n------\n42\n(1 row)\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void demoSamples_onFreshDataRoot_runsEndToEndIntoAPack_andRerunAddsNothing() {
        assertEquals(0, Main.execute("demo", "--samples", "--data-root", dir.toString()));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("normalized 1 sweep(s): 13 responses, 387 center rows, 1223 session rows, 0 rejects"),
                printed);
        assertTrue(printed.contains("Report pack: " + dir.resolve("reports/demo")), printed);
        assertTrue(Files.exists(dir.resolve("reports/demo/district_daily_coverage.csv")));
        assertEquals(0, Main.execute("demo", "--samples", "--data-root", dir.toString()));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("0 file(s) archived, 13 already there"));
    }

    @Test
    void demo_simulatedSweeps_everyDistrictCapturedNormalizedAndReported() throws Exception {
        assertEquals(0, Main.execute("demo", "--data-root", dir.toString(), "--sweeps", "4", "--every", "1h"));
        String printed = out.toString(StandardCharsets.UTF_8);

        assertTrue(printed.contains("4/4 sweeps, simulated time 03:00 IST, 56/56 district fetches captured, 0 throttled"),
                printed);
        assertTrue(printed.contains("normalized 4 sweep(s): 64 responses"), printed);
        assertTrue(printed.contains("crawl_coverage.csv 4 rows"), printed);
        assertEquals(5, Files.readAllLines(dir.resolve("reports/demo/crawl_coverage.csv")).size());
    }
}
