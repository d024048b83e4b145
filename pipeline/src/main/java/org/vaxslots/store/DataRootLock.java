package org.vaxslots.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One writer of tables/ and reports/ at a time: normalize and report hold an exclusive OS lock on
 * {@code <data-root>/.lock} while they run. A second run is refused with a message naming the
 * lock. The OS releases the lock of a process that dies (even by kill -9), so a stale lock file
 * never blocks the next run: the file's existence means nothing, only the lock on it does.
 */
public final class DataRootLock implements AutoCloseable {
    public static final String FILE = ".lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataRootLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws IllegalStateException when another run holds the data root */
    public static DataRootLock acquire(DataRoot root, String job) throws IOException {
        Files.createDirectories(root.root());
        Path file = root.root().resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException(job + ": data root " + root.root() + " is in use by another normalize or report"
                    + " run (lock " + file + "); wait for it to finish, then run again");
        }
        return new DataRootLock(channel, lock);
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
