package org.vaxslots.snapshot;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.vaxslots.store.AtomicFiles;
import org.vaxslots.store.DataRoot;
import org.vaxslots.store.FileLocks;

/**
 * The calls made to one source, remembered across runs. The published limit is per client, not
 * per sweep: a sweep started by cron or {@code --every} right after another must count the calls
 * the last one made inside the window, or the two together exceed the limit. And two sweeps of one
 * source side by side would each keep its own budget and together double the rate, so only one
 * runs at a time from a data root; a second is refused.
 *
 * <p>Files, under {@link DataRoot#sourceCalls()} ({@code <data-root>/state/sources/}): {@code <host>_<port>.lock} (an OS lock held
 * while a sweep runs; the OS drops it when the process dies, even by kill -9) and
 * {@code <host>_<port>.calls}, one line per call: the epoch millisecond its answer came back.
 * Lines are appended as calls are answered, so a killed run's calls still count for the next; the
 * file is rewritten without the calls that left the window when it is opened.
 */
final class SourceCalls implements AutoCloseable {
    private final FileLocks.Held lock;
    private final Path callsFile;
    private final long windowMillis;
    private final int compactAfter;
    private final List<Long> recent;
    private FileChannel appender;
    private int appended;

    private SourceCalls(FileLocks.Held lock, Path callsFile, long windowMillis, int compactAfter,
            List<Long> recent) {
        this.lock = lock;
        this.callsFile = callsFile;
        this.windowMillis = windowMillis;
        this.compactAfter = compactAfter;
        this.recent = recent;
    }

    /** A file-name key for a source: its host and port, nothing else of the URL. */
    static String key(URI base) {
        int port = base.getPort() != -1 ? base.getPort() : "https".equalsIgnoreCase(base.getScheme()) ? 443 : 80;
        return base.getHost().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9.-]", "_") + "_" + port;
    }

    /**
     * Takes the source's lock and reads the calls of the last {@code window}.
     *
     * @throws IllegalStateException when another sweep of this source runs from this data root
     */
    static SourceCalls open(DataRoot root, URI base, int callsPerWindow, Duration window, long nowMillis)
            throws IOException {
        Path dir = root.sourceCalls();
        Files.createDirectories(dir);
        String key = key(base);
        Path lockFile = dir.resolve(key + ".lock");
        FileLocks.Held lock = FileLocks.tryLock(lockFile);
        if (lock == null) {
            throw new IllegalStateException("another snapshot of " + base + " is running from this data root (lock "
                    + lockFile + "); two at once would each keep a budget and together exceed the limit. Let it"
                    + " finish: the next run counts its calls");
        }
        try {
            Path calls = dir.resolve(key + ".calls");
            long windowMillis = window.toMillis();
            List<Long> recent = read(calls, nowMillis - windowMillis);
            SourceCalls sc = new SourceCalls(lock, calls, windowMillis, Math.max(1000, 4 * callsPerWindow), recent);
            sc.rewrite(nowMillis);
            return sc;
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static List<Long> read(Path file, long sinceMillis) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            return new ArrayList<>();
        }
        List<Long> out = new ArrayList<>();
        for (String line : lines) {
            long t;
            if (line.matches("\\d{12,15}")) {
                t = Long.parseLong(line);
            } else if (!line.isBlank()) {
                // A run killed mid-write can leave a torn last line. That call happened, just not
                // when: it counts as made when the file was last written, which is no earlier.
                t = Files.getLastModifiedTime(file).toMillis();
            } else {
                continue;
            }
            if (t > sinceMillis) {
                out.add(t);
            }
        }
        out.sort(null);
        return out;
    }

    /** Epoch milliseconds of the calls answered inside the window before this run, oldest first. */
    List<Long> recentCalls() {
        return List.copyOf(recent);
    }

    /** Records a call answered at {@code epochMillis}; it counts for every later run. */
    void record(long epochMillis) throws IOException {
        recent.add(epochMillis);
        if (++appended >= compactAfter) {
            rewrite(epochMillis);
            return;
        }
        appender.write(ByteBuffer.wrap((epochMillis + "\n").getBytes(StandardCharsets.US_ASCII)));
    }

    /** Replaces the file, atomically, by the calls still inside the window. */
    private void rewrite(long nowMillis) throws IOException {
        recent.removeIf(t -> t <= nowMillis - windowMillis);
        StringBuilder sb = new StringBuilder();
        for (long t : recent) {
            sb.append(t).append('\n');
        }
        if (appender != null) {
            appender.close();
        }
        AtomicFiles.writeAtomically(callsFile, sb.toString().getBytes(StandardCharsets.US_ASCII));
        appender = FileChannel.open(callsFile, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        appended = 0;
    }

    @Override
    public void close() throws IOException {
        try {
            if (appender != null) {
                appender.close();
            }
        } finally {
            lock.close();
        }
    }
}
