package org.vaxslots.raw;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcTargetRecord;
import org.vaxslots.model.UsualDates;
import org.vaxslots.privacy.PersonalDataScreen;

/**
 * Reads the responses of one raw WARC file in order: {@code resource} records (imports),
 * {@code response} records (captures), {@code revisit} records (a 304 to a conditional request,
 * with an empty body: {@link Revisits} finds the capture it repeats; a git import's revisit carries
 * no HTTP message at all) and the {@code metadata}
 * records of attempts that got no response. A damaged file (truncated by a power loss,
 * or corrupt) is read up to its last whole record and the rest is reported as damage, never
 * thrown: the records before it are good data.
 */
public final class WarcArchiveReader {
    private static final int DAMAGE_MESSAGE_CHARS = 120;

    /** Decoded bodies above this are cut at the cap and fail to parse: a guard against gzip bombs. */
    public static final int MAX_DECODED_BYTES = 64 * 1024 * 1024;

    private WarcArchiveReader() {}

    /** Receives records in file order; may throw to stop reading. */
    @FunctionalInterface
    public interface Handler<T> {
        void accept(T value) throws IOException;
    }

    public static void read(Path file, String rawFile, Handler<ArchivedResponse> onResponse,
            Handler<ArchiveDamage> onDamage) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                WarcReader reader = new WarcReader(channel)) {
            long offset = 0;
            while (true) {
                Optional<WarcRecord> next;
                try {
                    next = reader.next();
                    if (next.isEmpty()) {
                        return;
                    }
                    offset = reader.position();
                } catch (IOException | RuntimeException e) {
                    onDamage.accept(new ArchiveDamage(rawFile, offset,
                            "raw file unreadable from here on: " + damage(e)));
                    return;
                }
                WarcRecord record = next.get();
                ArchivedResponse response;
                try {
                    if (!(record instanceof WarcResource || record instanceof WarcResponse || record instanceof WarcRevisit
                            || (record instanceof WarcMetadata && record.headers().first(RawHeaders.OUTCOME).isPresent()))) {
                        continue;
                    }
                    response = toResponse(file, rawFile, offset, (WarcTargetRecord) record);
                } catch (IOException | RuntimeException e) {
                    onDamage.accept(new ArchiveDamage(rawFile, offset,
                            "record unreadable, and so the rest of the file: " + damage(e)));
                    return;
                }
                onResponse.accept(response);
            }
        }
    }

    /**
     * What went wrong, for rejects.reason: a WARC parser's message quotes the bytes around the
     * fault, so it is cut short and passed through the personal-data mask like any snippet.
     */
    private static String damage(Exception e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.length() > DAMAGE_MESSAGE_CHARS) {
            message = message.substring(0, DAMAGE_MESSAGE_CHARS) + "…";
        }
        return e.getClass().getSimpleName() + ": " + PersonalDataScreen.maskSnippet(message);
    }

    private static ArchivedResponse toResponse(Path file, String rawFile, long offset, WarcTargetRecord record)
            throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        record.headers().map().forEach((name, values) -> {
            if (name.startsWith("Vaxslots-") && !values.isEmpty()) {
                fields.put(name, values.get(0));
            }
        });
        if (record instanceof WarcResponse response) {
            HttpResponse http = response.http();
            byte[] body;
            try {
                body = decodedBody(http);
            } catch (IOException e) {
                body = undecodedBody(file, offset);
            }
            return new ArchivedResponse(rawFile, offset, record.id().toString(), record.type(), record.targetURI(),
                    date(record), fields, http.status(), first(http.headers().all("Date")),
                    first(http.headers().all("Age")), first(http.headers().all("ETag")), body);
        }
        if (record instanceof WarcRevisit revisit && revisit.contentType().base().equals(MediaType.HTTP)) {
            HttpResponse http = revisit.http();
            return new ArchivedResponse(rawFile, offset, record.id().toString(), record.type(), record.targetURI(),
                    date(record), fields, http.status(), first(http.headers().all("Date")),
                    first(http.headers().all("Age")), first(http.headers().all("ETag")), new byte[0]);
        }
        byte[] body = readCapped(record.body().stream());
        return new ArchivedResponse(rawFile, offset, record.id().toString(), record.type(), record.targetURI(),
                date(record), fields, null, null, null, null, body);
    }

    /** The one record at {@code offset} of a file, as {@link #read} gives it. */
    public static ArchivedResponse readAt(Path file, String rawFile, long offset) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.position(offset);
            try (WarcReader reader = new WarcReader(channel)) {
                WarcRecord record = reader.next().orElseThrow(() -> new IOException("no record at offset " + offset));
                if (!(record instanceof WarcTargetRecord target)) {
                    throw new IOException("the record at offset " + offset + " is a " + record.type() + " record");
                }
                return toResponse(file, rawFile, offset, target);
            }
        }
    }

    /**
     * The body as archived, for a response whose Content-Encoding cannot be undone (a truncated or
     * corrupt gzip body, an unknown encoding). The record itself is whole, so it is read again from
     * its offset: it then fails to parse and becomes an invalid_body fetch with a rejects row, and
     * the records after it are read as usual.
     */
    private static byte[] undecodedBody(Path file, long offset) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            channel.position(offset);
            try (WarcReader again = new WarcReader(channel)) {
                WarcRecord record = again.next().orElseThrow(() -> new IOException("no record at offset " + offset));
                return readCapped(((WarcResponse) record).http().body().stream());
            }
        }
    }

    /**
     * The body with its Content-Encoding undone: gzip (nearly every capture) by {@link Gunzip},
     * which ends its inflater; any other encoding by jwarc.
     */
    private static byte[] decodedBody(HttpResponse http) throws IOException {
        List<String> encodings = http.headers().all("Content-Encoding");
        if (encodings.size() == 1 && (encodings.get(0).equalsIgnoreCase("gzip") || encodings.get(0).equalsIgnoreCase("x-gzip"))) {
            return Gunzip.inflate(readCapped(http.body().stream()), MAX_DECODED_BYTES);
        }
        return readCapped(http.bodyDecoded().stream());
    }

    private static String first(List<String> values) {
        return values.isEmpty() ? null : values.get(0);
    }

    private static byte[] readCapped(InputStream in) throws IOException {
        return in.readNBytes(MAX_DECODED_BYTES + 1);
    }

    /** {@link WarcRecord#date()}, its usual form read without the formatter (the same instant). */
    private static Instant date(WarcRecord record) {
        return UsualDates.isoInstant(record.headers().sole("WARC-Date").get());
    }
}
