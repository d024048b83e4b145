package org.vaxslots.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.vaxslots.raw.WarcArchiveWriter;
import org.vaxslots.store.DataRoot;
import org.vaxslots.store.FileLocks;

/**
 * The raw files of one sweep being crawled: an exclusive lock (a second crawler of the same sweep
 * is refused; the OS drops the lock of a killed one), and WARC files rotated every N exchanges so
 * a crash loses at most the exchanges of the file being written (and those still queued for it,
 * see {@link Archiver}), which resume fetches again. Used by one thread at a time.
 */
final class SweepFiles implements AutoCloseable {
    private final DataRoot root;
    private final String sweepId;
    private final int exchangesPerFile;
    private final Clock clock;
    private final Map<String, String> info;
    private final FileLocks.Held lock;
    private WarcArchiveWriter current;
    private int exchangesInCurrent;
    private int filesPublished;

    private SweepFiles(DataRoot root, String sweepId, int exchangesPerFile, Clock clock, Map<String, String> info,
            FileLocks.Held lock) {
        this.root = root;
        this.sweepId = sweepId;
        this.exchangesPerFile = exchangesPerFile;
        this.clock = clock;
        this.info = info;
        this.lock = lock;
    }

    static SweepFiles open(DataRoot root, String sweepId, int exchangesPerFile, Clock clock, Map<String, String> info)
            throws IOException {
        FileLocks.Held lock = FileLocks.lockRawSweep(root, sweepId, "crawled");
        try {
            abandonUnpublished(root.rawSweep(sweepId));
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
        return new SweepFiles(root, sweepId, exchangesPerFile, clock, info, lock);
    }

    /** Files a killed run left half-written are renamed aside, never read, never deleted. */
    private static void abandonUnpublished(Path dir) throws IOException {
        List<Path> open;
        try (Stream<Path> files = Files.list(dir)) {
            open = files.filter(p -> p.getFileName().toString().endsWith(".open")).toList();
        }
        for (Path p : open) {
            Files.move(p, p.resolveSibling(p.getFileName() + ".abandoned"), StandardCopyOption.ATOMIC_MOVE);
        }
    }

    WarcArchiveWriter writer() throws IOException {
        if (current == null) {
            current = WarcArchiveWriter.create(root, sweepId, "snapshot", clock.instant(), info);
            exchangesInCurrent = 0;
        }
        return current;
    }

    /** Call after each exchange is written; publishes the file when it is full. */
    void exchangeWritten() throws IOException {
        exchangesInCurrent++;
        if (exchangesInCurrent >= exchangesPerFile) {
            publishCurrent();
        }
    }

    int filesPublished() {
        return filesPublished;
    }

    private void publishCurrent() throws IOException {
        if (current != null) {
            current.close();
            current = null;
            filesPublished++;
        }
    }

    /** After a failed write: the file being written is left unpublished, so its exchanges count as not captured. */
    void abandonCurrent() throws IOException {
        if (current != null) {
            WarcArchiveWriter w = current;
            current = null;
            w.abandon();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            publishCurrent();
        } finally {
            lock.close();
        }
    }
}
