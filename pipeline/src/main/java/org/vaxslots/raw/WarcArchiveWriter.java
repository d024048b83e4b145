package org.vaxslots.raw;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;
import org.vaxslots.store.AtomicFiles;
import org.vaxslots.store.DataRoot;
import org.vaxslots.store.Digests;

/**
 * Writes one new WARC file (gzip per record) into a sweep's raw directory. The file is written as
 * {@code NAME.warc.gz.open} and renamed to {@code NAME.warc.gz} only by {@link #close()} after a
 * flush to disk; readers take only {@code .warc.gz}, so a crash leaves nothing they would read.
 * An existing raw file is never opened for writing. Each record is its own gzip member, written
 * to the file in one piece ({@link GzipMembers}).
 */
public final class WarcArchiveWriter implements AutoCloseable {
    public static final String SUFFIX = ".warc.gz";
    /** A whole file an import wrote but has not published yet ({@link #stage()}); no reader takes it. */
    public static final String STAGED_SUFFIX = ".staged";
    private static final String OPEN_SUFFIX = ".open";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private final Path finalPath;
    private final Path openPath;
    private final FileChannel channel;
    private final GzipMembers gzip;
    private final WarcWriter writer;
    private int records;
    private boolean closed;

    private WarcArchiveWriter(Path finalPath, Path openPath, FileChannel channel) throws IOException {
        this.finalPath = finalPath;
        this.openPath = openPath;
        this.channel = channel;
        this.gzip = new GzipMembers(channel);
        this.writer = new WarcWriter(gzip, WarcCompression.NONE);
    }

    /** Opens a new file named {@code <kind>-<stamp>-<random>.warc.gz} and writes its warcinfo record. */
    public static WarcArchiveWriter create(DataRoot root, String sweepId, String kind, Instant now,
            Map<String, String> info) throws IOException {
        return open(root, sweepId, kind + "-" + STAMP.format(now), now, info);
    }

    /**
     * Opens file number {@code sequence} of one run, named {@code <kind>-<stamp>-<sequence>-<random>.warc.gz}
     * so the files of a run sort in the order they were written (readers take raw files in name order).
     */
    public static WarcArchiveWriter create(DataRoot root, String sweepId, String kind, Instant now,
            Map<String, String> info, int sequence) throws IOException {
        return open(root, sweepId, kind + "-" + STAMP.format(now) + "-" + String.format("%06d", sequence), now, info);
    }

    private static WarcArchiveWriter open(DataRoot root, String sweepId, String prefix, Instant now,
            Map<String, String> info) throws IOException {
        Path dir = root.rawSweep(sweepId);
        Files.createDirectories(dir);
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + SUFFIX;
        Path finalPath = dir.resolve(name);
        Path openPath = dir.resolve(name + OPEN_SUFFIX);
        FileChannel channel = FileChannel.open(openPath, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        WarcArchiveWriter w = new WarcArchiveWriter(finalPath, openPath, channel);
        Map<String, List<String>> fields = new LinkedHashMap<>();
        info.forEach((k, v) -> fields.put(k, List.of(v)));
        w.member(new Warcinfo.Builder().date(now).filename(name).fields(fields).build());
        return w;
    }

    /** Archives a body that did not come over HTTP (an imported file) as a resource record. */
    public URI writeResource(URI target, Instant date, MediaType type, byte[] body, Map<String, String> fields)
            throws IOException {
        WarcDigest digest = new WarcDigest("sha256", Digests.sha256(body));
        WarcResource.Builder b = new WarcResource.Builder(target)
                .date(date)
                .blockDigest(digest)
                .payloadDigest(digest)
                .body(type, body);
        fields.forEach(b::addHeader);
        WarcResource record = b.build();
        member(record);
        records++;
        return record.id();
    }

    /** Writes a record built elsewhere (the snapshot job's request, response and metadata records). */
    public void write(WarcRecord record) throws IOException {
        member(record);
        records++;
    }

    private void member(WarcRecord record) throws IOException {
        writer.write(record);
        gzip.finishMember();
    }

    public int records() {
        return records;
    }

    /** Bytes in the file so far: every record written is in it, compressed. */
    public long bytesWritten() throws IOException {
        return channel.position();
    }

    public Path path() {
        return finalPath;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        channel.force(true);
        writer.close();
        AtomicFiles.publish(openPath, finalPath);
    }

    /**
     * Closes the file whole and on disk as {@code NAME.warc.gz.staged}, which no reader takes:
     * an import stages every file and publishes them with {@link #publishStaged} only when the
     * whole input was read and screened.
     */
    public Path stage() throws IOException {
        if (closed) {
            throw new IllegalStateException(finalPath + " is already closed");
        }
        closed = true;
        channel.force(true);
        writer.close();
        Path staged = finalPath.resolveSibling(finalPath.getFileName() + STAGED_SUFFIX);
        AtomicFiles.publish(openPath, staged);
        return staged;
    }

    /** Publishes a staged file under its final name, by rename; returns that name. */
    public static Path publishStaged(Path staged) throws IOException {
        String name = staged.getFileName().toString();
        if (!name.endsWith(SUFFIX + STAGED_SUFFIX)) {
            throw new IllegalArgumentException(staged + " is not a staged raw file");
        }
        Path published = staged.resolveSibling(name.substring(0, name.length() - STAGED_SUFFIX.length()));
        AtomicFiles.publish(staged, published);
        return published;
    }

    /**
     * Closes the file without publishing it, after a failed write: it stays {@code NAME.warc.gz.open},
     * which no reader takes and the next crawl of the sweep renames aside.
     */
    public void abandon() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        writer.close();
    }

}
