package org.vaxslots.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.stream.Stream;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.vaxslots.store.DataRoot;
import org.vaxslots.store.Digests;
import org.vaxslots.store.FileLocks;
import org.vaxslots.raw.RawHeaders;
import org.vaxslots.raw.WarcArchiveWriter;

/**
 * The raw files of one import into a sweep: the sweep's lock (an import and a crawl of the same
 * sweep never run at once), an index of the requests the sweep already holds (published, or staged
 * by a killed import, which this one resumes), and WARC files rolled over at a size limit and
 * staged ({@code .warc.gz.staged}) until {@link #publish()} renames them all into place. The index
 * holds two 128-bit digests per archived capture (of its request, and of its request with its
 * body's sha256), whatever their size.
 */
final class ImportFiles implements AutoCloseable {
    /** The first 128 bits of a sha256: plenty to tell captures apart, half the memory. */
    record Digest(long high, long low) {
        static Digest of(byte[] sha256) {
            ByteBuffer b = ByteBuffer.wrap(sha256);
            return new Digest(b.getLong(), b.getLong());
        }

        static Digest ofText(String text) {
            return of(Digests.sha256(text.getBytes(StandardCharsets.UTF_8)));
        }
    }

    private final DataRoot root;
    private final String sweepId;
    private final long maxFileBytes;
    private final Instant now;
    private final Map<String, String> info;
    private final FileLocks.Held lock;
    private final Set<Digest> captures = new HashSet<>();
    private final Set<Digest> requests = new HashSet<>();
    private final List<Path> staged = new ArrayList<>();
    private int resumed;
    private WarcArchiveWriter current;
    private boolean createdDir;
    private int filesBegun;
    private boolean discarded;

    private ImportFiles(DataRoot root, String sweepId, long maxFileBytes, Instant now, Map<String, String> info,
            FileLocks.Held lock) {
        this.root = root;
        this.sweepId = sweepId;
        this.maxFileBytes = maxFileBytes;
        this.now = now;
        this.info = info;
        this.lock = lock;
    }

    static ImportFiles open(DataRoot root, String sweepId, long maxFileBytes, Instant now, Map<String, String> info)
            throws IOException {
        Path dir = root.rawSweep(sweepId);
        boolean created = !Files.isDirectory(dir);
        Files.createDirectories(dir);
        FileLocks.Held lock = FileLocks.lockRawSweep(root, sweepId, "written");
        ImportFiles files = new ImportFiles(root, sweepId, maxFileBytes, now, info, lock);
        files.createdDir = created;
        try {
            files.index(dir);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
        return files;
    }

    /**
     * A request's identity in a sweep: the source's record id for another crawler's capture; else
     * the endpoint and parameters when they say what was asked; else the member's path.
     */
    static String identity(String endpoint, String params, String sourceFile, String sourceRecordId) {
        if (sourceRecordId != null) {
            return "record " + sourceRecordId;
        }
        boolean known = endpoint != null && !endpoint.equals("unknown");
        if (known && (!params.isEmpty() || endpoint.equals("states"))) {
            return "request " + endpoint + "?" + Stream.of(params.split("&")).sorted().reduce((a, b) -> a + "&" + b).orElse("");
        }
        return "path " + sourceFile;
    }

    /** Whether the sweep holds this request answered with exactly these bytes. */
    boolean holds(String identity, String bodySha256Hex) {
        return captures.contains(Digest.ofText(identity + " " + bodySha256Hex));
    }

    /** Whether the sweep holds this request, with any bytes. */
    boolean holdsRequest(String identity) {
        return requests.contains(Digest.ofText(identity));
    }

    /** Captures a killed import had staged, which this run publishes with its own. */
    int resumed() {
        return resumed;
    }

    WarcArchiveWriter writer() throws IOException {
        if (current == null) {
            current = WarcArchiveWriter.create(root, sweepId, "import", now, info, ++filesBegun);
        }
        return current;
    }

    /** Call after each capture is written: notes its identity and rolls the file over when it is full. */
    void written(String identity, String bodySha256Hex) throws IOException {
        note(identity, bodySha256Hex);
        if (current != null && current.bytesWritten() >= maxFileBytes) {
            staged.add(current.stage());
            current = null;
        }
    }

    /** Stages the file being written and publishes every staged file; returns the published paths. */
    List<Path> publish() throws IOException {
        if (current != null) {
            staged.add(current.stage());
            current = null;
        }
        List<Path> published = new ArrayList<>();
        for (Path p : staged) {
            published.add(WarcArchiveWriter.publishStaged(p));
        }
        staged.clear();
        return published;
    }

    /** After a refused import: nothing it (or a killed import before it) wrote is kept. */
    void discard() throws IOException {
        if (current != null) {
            current.abandon();
            Files.deleteIfExists(current.path().resolveSibling(current.path().getFileName() + ".open"));
            current = null;
        }
        for (Path p : staged) {
            Files.deleteIfExists(p);
        }
        staged.clear();
        discarded = true;
    }

    /** Releases the lock; a sweep directory this refused import created is removed again. */
    @Override
    public void close() throws IOException {
        if (current != null) {
            current.abandon();
        }
        lock.close();
        Path dir = root.rawSweep(sweepId);
        if (discarded && createdDir) {
            Files.deleteIfExists(root.rawSweepLock(sweepId));
            try (Stream<Path> left = Files.list(dir)) {
                if (left.findAny().isEmpty()) {
                    Files.delete(dir);
                }
            }
        }
    }

    private void note(String identity, String bodySha256Hex) {
        captures.add(Digest.ofText(identity + " " + bodySha256Hex));
        requests.add(Digest.ofText(identity));
    }

    private void index(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.sorted().toList();
        }
        for (Path p : files) {
            String name = p.getFileName().toString();
            if (name.endsWith(".open")) {
                Files.move(p, p.resolveSibling(name + ".abandoned"), StandardCopyOption.ATOMIC_MOVE);
            } else if (name.endsWith(WarcArchiveWriter.SUFFIX) || name.endsWith(WarcArchiveWriter.SUFFIX + WarcArchiveWriter.STAGED_SUFFIX)) {
                boolean isStaged = name.endsWith(WarcArchiveWriter.STAGED_SUFFIX);
                int n = indexFile(p);
                if (isStaged) {
                    staged.add(p);
                    resumed += n;
                }
            }
        }
    }

    private int indexFile(Path file) throws IOException {
        int n = 0;
        try (WarcReader reader = new WarcReader(file)) {
            Optional<WarcRecord> next;
            while ((next = reader.next()).isPresent()) {
                WarcRecord r = next.get();
                Optional<String> sha = r.headers().first(RawHeaders.SOURCE_SHA256);
                if (sha.isEmpty()) {
                    continue;
                }
                String identity = identity(r.headers().first(RawHeaders.ENDPOINT).orElse(null),
                        r.headers().first(RawHeaders.PARAMS).orElse(""), r.headers().first(RawHeaders.SOURCE_FILE).orElse(""),
                        r.headers().first(RawHeaders.SOURCE_RECORD_ID).orElse(null));
                note(identity, sha.get());
                n++;
            }
        }
        return n;
    }
}
