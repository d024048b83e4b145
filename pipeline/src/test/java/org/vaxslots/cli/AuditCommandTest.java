package org.vaxslots.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vaxslots.testing.Cli;
import org.vaxslots.testing.DemoRoot;

/**
 * {@code vaxslots audit [DIR]} as a user runs it: exit 0 and a summary on the demo's output, exit 1
 * with one line per finding naming file and column (never the value), a usage error for a missing
 * directory. Run through Main, as a user types it.
 */
class AuditCommandTest {
    @TempDir
    Path dir;

    private static Cli.Run audit(String... args) {
        String[] line = new String[args.length + 1];
        line[0] = "audit";
        System.arraycopy(args, 0, line, 1, args.length);
        return Cli.run(line);
    }

    @Test
    void audit_demoDataRoot_exitsZeroAndSaysClean() throws Exception {
        Path root = DemoRoot.shared().root();

        Cli.Run r = audit(root.toString());

        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("audit " + root + ": 32 file(s), "), r.out());
        assertTrue(r.out().contains(" value(s) checked; 4 raw file(s), "), r.out());
        assertTrue(r.out().trim().endsWith(" MB/s): clean"), r.out());
    }

    @Test
    void audit_plantedEmail_exitsOneNamingFileAndColumnButNotTheValue() throws Exception {
        Path root = DemoRoot.copy(dir.resolve("data"), "reports").root();
        Path csv = root.resolve("reports/demo/state_daily_coverage.csv");
        Files.writeString(csv, Files.readString(csv).replaceFirst(",Kerala,", ",write.to.me@example.org,"));

        Cli.Run r = audit("--data-root", root.toString());

        assertEquals(1, r.exit(), r.out() + r.err());
        assertEquals("vaxslots audit: reports/demo/state_daily_coverage.csv: column state_name: a value looks like personal data:"
                + " email address (first at data row 1)\n", r.err());
        assertTrue(!r.err().contains("example.org") && !r.out().contains("example.org"));
    }

    @Test
    void audit_missingDirectory_isAUsageError() {
        Cli.Run r = audit(dir.resolve("nowhere").toString());

        assertEquals(2, r.exit());
        assertTrue(r.err().contains("nothing to audit: " + dir.resolve("nowhere") + " is not a directory"), r.err());
    }

    @Test
    void audit_help_describesTheCommand() {
        Cli.Run r = audit("--help");

        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("Usage: vaxslots audit [-hV] [--verbose] [--data-root=DIR] [DIR]"), r.out());
    }
}
