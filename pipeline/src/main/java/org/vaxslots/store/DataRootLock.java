package org.vaxslots.store;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One writer of tables/ and reports/ at a time: normalize and report hold an exclusive OS lock on
 * {@code <data-root>/.lock} while they run (see {@link FileLocks}). A second run is refused with a
 * message naming the lock; a killed run's lock never blocks the next.
 */
public final class DataRootLock implements AutoCloseable {
    public static final String FILE = ".lock";

    private final FileLocks.Held lock;

    private DataRootLock(FileLocks.Held lock) {
        this.lock = lock;
    }

    /** @throws IllegalStateException when another run holds the data root */
    public static DataRootLock acquire(DataRoot root, String job) throws IOException {
        Path file = root.root().resolve(FILE);
        FileLocks.Held lock = FileLocks.tryLock(file);
        if (lock == null) {
            throw new IllegalStateException(job + ": data root " + root.root() + " is in use by another normalize or report"
                    + " run (lock " + file + "); wait for it to finish, then run again");
        }
        return new DataRootLock(lock);
    }

    @Override
    public void close() throws IOException {
        lock.close();
    }
}
