package org.vaxslots.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Working directories that a job fills and removes when it is done (compact's partitions before
 * they are published, a report pack being written, the reference tables DuckDB reads). Each has a
 * lock file beside it, {@code <name>.lock}, held for as long as its job lives. A job killed
 * before it could clean up leaves both behind, and the OS has released the lock, so the next job
 * that makes a directory of the same kind removes them. A live job's directory is never touched.
 */
public final class WorkDirs {
    private WorkDirs() {}

    /** A working directory and the lock that says its job is alive; closing removes both. */
    public static final class WorkDir implements AutoCloseable {
        private final Path path;
        private final Path lockFile;
        private final FileLocks.Held lock;

        private WorkDir(Path path, Path lockFile, FileLocks.Held lock) {
            this.path = path;
            this.lockFile = lockFile;
            this.lock = lock;
        }

        public Path path() {
            return path;
        }

        @Override
        public void close() throws IOException {
            try {
                AtomicFiles.deleteTree(path);
                Files.deleteIfExists(lockFile);
            } finally {
                lock.close();
            }
        }
    }

    /** Removes what killed jobs left under {@code parent} with this prefix, then makes a new directory. */
    public static WorkDir create(Path parent, String prefix) throws IOException {
        clearAbandoned(parent, prefix);
        String name = prefix + UUID.randomUUID();
        Path lockFile = parent.resolve(name + ".lock");
        FileLocks.Held lock = FileLocks.tryLock(lockFile);
        if (lock == null) {
            throw new IOException("the lock of a new working directory is held: " + lockFile);
        }
        try {
            Path dir = parent.resolve(name);
            Files.createDirectories(dir);
            return new WorkDir(dir, lockFile, lock);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** The directories (and stray lock files) with this prefix whose job is gone; returns how many were removed. */
    public static int clearAbandoned(Path parent, String prefix) throws IOException {
        if (!Files.isDirectory(parent)) {
            return 0;
        }
        List<Path> candidates;
        try (Stream<Path> entries = Files.list(parent)) {
            candidates = entries.filter(p -> p.getFileName().toString().startsWith(prefix)).sorted().toList();
        }
        int removed = 0;
        for (Path p : candidates) {
            String name = p.getFileName().toString();
            boolean lockFile = name.endsWith(".lock");
            if (lockFile && Files.isDirectory(parent.resolve(name.substring(0, name.length() - ".lock".length())))) {
                continue; // handled with its directory
            }
            Path lock = lockFile ? p : parent.resolve(name + ".lock");
            FileLocks.Held held = FileLocks.tryLock(lock);
            if (held == null) {
                continue; // its job is alive
            }
            try {
                if (!lockFile) {
                    AtomicFiles.deleteTree(p);
                    removed++;
                }
                Files.deleteIfExists(lock);
            } finally {
                held.close();
            }
        }
        return removed;
    }
}
