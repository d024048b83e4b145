package org.vaxslots.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Working directories: a live job's is never touched, a killed job's is cleared by the next of its kind. */
class WorkDirsTest {
    @TempDir
    Path tmp;

    private List<String> names() throws Exception {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void closing_removesTheDirectoryAndItsLock() throws Exception {
        try (WorkDirs.WorkDir w = WorkDirs.create(tmp, "compact-")) {
            Files.writeString(w.path().resolve("part.parquet"), "x");
            assertEquals(2, names().size(), "the directory and its lock file: " + names());
        }
        assertEquals(List.of(), names());
    }

    @Test
    void killedJobsLeftovers_areClearedByTheNextOfItsKind_andALiveOnesAreNot() throws Exception {
        // What a killed job leaves: its directory and a lock file nobody holds; and one from before
        // lock files were kept, without any.
        Path killed = Files.createDirectories(tmp.resolve("compact-11111111-dead/date=2021-05-24"));
        Files.writeString(killed.resolve("part-00000.parquet"), "half");
        Files.createFile(tmp.resolve("compact-11111111-dead.lock"));
        Files.createDirectories(tmp.resolve("compact-22222222-old"));
        Files.createFile(tmp.resolve("compact-33333333-stray.lock"));
        Path otherKind = Files.createDirectories(tmp.resolve("notebooks-sql-44444444-dead"));
        // A live job of the same kind, holding its lock (here, in this JVM).
        try (WorkDirs.WorkDir live = WorkDirs.create(tmp, "compact-")) {
            assertTrue(Files.isDirectory(live.path()));
            assertFalse(Files.exists(tmp.resolve("compact-11111111-dead")));
            assertFalse(Files.exists(tmp.resolve("compact-11111111-dead.lock")));
            assertFalse(Files.exists(tmp.resolve("compact-22222222-old")));
            assertFalse(Files.exists(tmp.resolve("compact-33333333-stray.lock")));
            assertTrue(Files.isDirectory(otherKind), "another kind's directory is its own jobs' to clear");
            // The next job of the kind while this one runs: the live directory stays.
            try (WorkDirs.WorkDir next = WorkDirs.create(tmp, "compact-")) {
                assertTrue(Files.isDirectory(live.path()));
                assertTrue(Files.isDirectory(next.path()));
            }
            assertEquals(0, WorkDirs.clearAbandoned(tmp, "compact-"));
            assertTrue(Files.isDirectory(live.path()));
        }
        assertEquals(List.of("notebooks-sql-44444444-dead"), names());
        assertEquals(1, WorkDirs.clearAbandoned(tmp, "notebooks-sql-"));
        assertEquals(List.of(), names());
    }
}
