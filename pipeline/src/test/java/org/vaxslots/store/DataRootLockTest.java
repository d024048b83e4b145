package org.vaxslots.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.vaxslots.testing.Cli;
import org.junit.jupiter.api.io.TempDir;
import org.vaxslots.testing.DemoRoot;
import org.vaxslots.testing.Trees;

/**
 * One normalize or report per data root: a second run, in another process or in this one, is
 * refused with a message naming the lock and leaves the root as it was; once the holder is killed
 * with SIGKILL its lock file stays behind but no longer blocks anything.
 */
class DataRootLockTest {
    private static final String REFUSAL = "is in use by another normalize or report run";

    @TempDir
    Path dir;


    private static Process holder(DataRoot root) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), HoldDataRootLock.class.getName(), root.root().toString())
                .redirectErrorStream(true).start();
        String first = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        assertEquals("locked", first);
        return p;
    }

    @Test
    void normalize_whileAnotherProcessHoldsTheRoot_isRefusedAndRunsAfterTheHolderIsKilled() throws Exception {
        DataRoot root = DemoRoot.copy(dir.resolve("data"), "raw");
        Process other = holder(root);
        try {
            Cli.Run refused = Cli.run("normalize", "--data-root", root.root().toString());

            assertEquals(1, refused.exit(), refused.err());
            assertTrue(refused.err().contains("normalize: data root " + root.root() + " " + REFUSAL), refused.err());
            assertTrue(refused.err().contains(root.root().resolve(DataRootLock.FILE).toString()), refused.err());
            assertTrue(!Files.exists(root.tables()), "a refused run writes nothing");
        } finally {
            other.destroyForcibly().waitFor();
        }
        assertTrue(Files.exists(root.root().resolve(DataRootLock.FILE)), "the killed holder's lock file stays");

        Cli.Run after = Cli.run("normalize", "--data-root", root.root().toString());

        assertEquals(0, after.exit(), after.err());
        assertEquals(Trees.digests(DemoRoot.shared().tables()), Trees.digests(root.tables()));
    }

    @Test
    void report_whileAnotherProcessHoldsTheRoot_isRefusedAndRunsAfterTheHolderIsKilled() throws Exception {
        DataRoot root = DemoRoot.copy(dir.resolve("data"), "raw", "tables");
        Process other = holder(root);
        try {
            Cli.Run refused = Cli.run("report", "--data-root", root.root().toString(), "--release", DemoRoot.RELEASE);

            assertEquals(1, refused.exit(), refused.err());
            assertTrue(refused.err().contains("report: data root " + root.root() + " " + REFUSAL), refused.err());
            assertTrue(!Files.exists(root.reports()), "a refused run writes nothing");
        } finally {
            other.destroyForcibly().waitFor();
        }

        Cli.Run after = Cli.run("report", "--data-root", root.root().toString(), "--release", DemoRoot.RELEASE);

        assertEquals(0, after.exit(), after.err());
        Map<String, String> pack = Trees.digests(root.reports().resolve(DemoRoot.RELEASE));
        assertEquals(Trees.digests(DemoRoot.shared().reports().resolve(DemoRoot.RELEASE)).keySet(), pack.keySet());
    }

    @Test
    void acquire_heldInThisProcess_secondIsRefusedAndFirstReleaseFreesIt() throws Exception {
        DataRoot root = new DataRoot(dir.resolve("data"));
        try (DataRootLock first = DataRootLock.acquire(root, "normalize")) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> DataRootLock.acquire(root, "report"));
            assertEquals("report: data root " + root.root() + " " + REFUSAL + " (lock " + root.root().resolve(DataRootLock.FILE)
                    + "); wait for it to finish, then run again", e.getMessage());
        }
        try (DataRootLock again = DataRootLock.acquire(root, "report")) {
            assertTrue(Files.exists(root.root().resolve(DataRootLock.FILE)));
        }
    }
}
