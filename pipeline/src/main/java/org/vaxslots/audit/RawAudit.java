package org.vaxslots.audit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.ParsingException;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcTargetRecord;
import org.vaxslots.privacy.PersonalDataScreen;
import org.vaxslots.raw.RawHeaders;
import org.vaxslots.raw.WarcArchiveReader;

/**
 * The raw archive as audit reads it: every record of a WARC file (gzip members streamed by
 * jwarc, one record in memory at a time, its payload capped at
 * {@link WarcArchiveReader#MAX_DECODED_BYTES}), its WARC header fields, its target URI against
 * the allowlist, the HTTP request or response headers it holds, and its payload through
 * {@link PersonalDataScreen#body}, so that a JSON payload is read as JSON. A finding is placed by
 * the record's byte offset in the file.
 */
final class RawAudit {
    /** Receives one finding: where in the file, and the kind. */
    interface Sink {
        void finding(String where, String kind);
    }

    private RawAudit() {}

    /** Reads one WARC file; returns the number of records read. */
    static long file(Path file, Sink sink) throws IOException {
        long records = 0;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
                WarcReader reader = new WarcReader(channel)) {
            long offset = 0;
            while (true) {
                WarcRecord record;
                try {
                    Optional<WarcRecord> next = reader.next();
                    if (next.isEmpty()) {
                        return records;
                    }
                    record = next.get();
                    offset = reader.position();
                    records++;
                    record(record, "record at offset " + offset + " (" + record.type() + ")", sink);
                } catch (IOException | RuntimeException e) {
                    sink.finding("from offset " + offset, "unreadable WARC (" + e.getClass().getSimpleName()
                            + "): the rest of the file could not be screened");
                    return records;
                }
            }
        }
    }

    private static void record(WarcRecord record, String at, Sink sink) throws IOException {
        for (Map.Entry<String, List<String>> h : record.headers().map().entrySet()) {
            if (h.getKey().equalsIgnoreCase("WARC-Target-URI")) {
                continue;
            }
            for (String v : h.getValue()) {
                Optional<PersonalDataScreen.Finding> f = h.getKey().equalsIgnoreCase(RawHeaders.SOURCE_FILE)
                        ? PersonalDataScreen.sourcePath(v) : PersonalDataScreen.text(v);
                if (f.isPresent()) {
                    sink.finding(at + ", WARC header " + h.getKey(), f.get().kind());
                    return;
                }
            }
        }
        if (record instanceof WarcTargetRecord target) {
            Optional<PersonalDataScreen.Finding> f = PersonalDataScreen.request(target.target(), Map.of());
            if (f.isPresent()) {
                sink.finding(at + ", WARC-Target-URI " + f.get().where(), f.get().kind());
                return;
            }
        }
        byte[] payload;
        Map<String, List<String>> httpHeaders = null;
        try {
            if (record instanceof WarcRequest request) {
                HttpRequest http = request.http();
                httpHeaders = http.headers().map();
                payload = capped(http.body().stream());
            } else if (record instanceof WarcResponse response) {
                HttpResponse http = response.http();
                httpHeaders = http.headers().map();
                payload = decoded(http);
            } else if (record instanceof WarcRevisit revisit) {
                httpHeaders = revisit.http().headers().map();
                payload = new byte[0];
            } else {
                payload = capped(record.body().stream());
            }
        } catch (ParsingException notHttp) {
            // A request, response or revisit record whose block is not an HTTP message: its bytes
            // are screened as they are.
            payload = capped(record.body().stream());
        }
        if (httpHeaders != null) {
            Optional<PersonalDataScreen.Finding> f = PersonalDataScreen.request(null, httpHeaders);
            if (f.isPresent()) {
                sink.finding(at + ", HTTP " + f.get().where(), f.get().kind());
                return;
            }
        }
        PersonalDataScreen.body(payload).ifPresent(f -> sink.finding(at + ", payload " + f.where(), f.kind()));
    }

    /** The body with a gzip Content-Encoding undone, or as archived when it cannot be (it is screened as it is). */
    private static byte[] decoded(HttpResponse http) throws IOException {
        byte[] archived = capped(http.body().stream());
        String encoding = http.headers().first("Content-Encoding").orElse("").trim().toLowerCase(java.util.Locale.ROOT);
        if (!encoding.equals("gzip") && !encoding.equals("x-gzip")) {
            return archived;
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(archived))) {
            return capped(in);
        } catch (IOException undecodable) {
            return archived;
        }
    }

    private static byte[] capped(InputStream in) throws IOException {
        return in.readNBytes(WarcArchiveReader.MAX_DECODED_BYTES);
    }
}
