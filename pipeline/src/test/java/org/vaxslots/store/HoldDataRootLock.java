package org.vaxslots.store;

import java.nio.file.Path;

/** A child process for {@link DataRootLockTest}: takes the lock of a data root, says so, and holds it until killed. */
public final class HoldDataRootLock {
    private HoldDataRootLock() {}

    public static void main(String[] args) throws Exception {
        try (DataRootLock lock = DataRootLock.acquire(new DataRoot(Path.of(args[0])), "holder")) {
            System.out.println("locked");
            System.out.flush();
            System.in.read();
        }
    }
}
