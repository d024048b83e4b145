package org.vaxslots.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive OS lock on a file, the one way vaxslots keeps two runs apart (the data root, a sweep,
 * a source). The OS releases the lock of a process that dies, even by kill -9, so a lock file left
 * behind never blocks the next run: the file's existence means nothing, only the lock on it does.
 */
public final class FileLocks {
    private FileLocks() {}

    /** A held lock; closing it releases it. */
    public static final class Held implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        private Held(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() throws IOException {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }

    /**
     * Takes the lock on {@code file} (created if missing), or returns null when another process,
     * or another holder in this JVM, has it.
     */
    public static Held tryLock(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            return null;
        }
        return new Held(channel, lock);
    }

    /**
     * Takes the lock that keeps one writer per raw sweep (a crawl or an import): {@code
     * raw/sweep_id=<id>/.lock}. {@code activity} says what the refused caller would have done, e.g.
     * "crawled".
     */
    public static Held lockRawSweep(DataRoot root, String sweepId, String activity) throws IOException {
        Path lockFile = root.rawSweepLock(sweepId);
        Held lock = tryLock(lockFile);
        if (lock == null) {
            throw new IllegalStateException("sweep " + sweepId + " is being " + activity + " by another process (lock "
                    + lockFile + "); wait for it to finish or use another --sweep-id");
        }
        return lock;
    }
}
