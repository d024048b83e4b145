package org.vaxslots.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Reads another crawler's WARC file ({@code wget --warc-file}, Heritrix, Webrecorder; gzipped or
 * not) and yields each Co-WIN response, with its request record when the file has one, as a
 * {@link Member.Capture}: the exchange is copied as it was kept, so its request, headers and dates
 * stay its own. Requests are paired by WARC-Concurrent-To in either order (wget writes the request
 * first, Heritrix the response). Every other record (warcinfo, metadata, DNS, another site's pages,
 * a request with no Co-WIN response) is counted by kind and left out.
 */
final class ForeignWarc {
    /** Hosts of the Co-WIN API; a response from anywhere else is another site's. */
    private static final List<String> COWIN_HOSTS = List.of("co-vin.in", "cowin.gov.in");
    /** Requests waiting for their response; a crawler writes the two next to each other. */
    private static final int RECENT_REQUESTS = 64;
    private static final String DAMAGED = "unreadable rest of a damaged WARC file";

    private interface Read<T> {
        T get() throws IOException;
    }

    private record Request(URI id, List<URI> concurrentTo, java.time.Instant date, byte[] block,
            Map<String, List<String>> headers) {}

    private record Response(URI id, List<URI> concurrentTo, URI target, java.time.Instant date, byte[] block,
            String payloadDigest) {}

    private ForeignWarc() {}

    static void read(Path file, String path, ImportInput.Sink sink) throws IOException {
        Map<URI, Request> recent = new LinkedHashMap<>();
        Response pending = null;
        try (WarcReader reader = new WarcReader(file)) {
            reader.setLenient(true);
            Optional<WarcRecord> next;
            while ((next = next(reader, sink)).isPresent()) {
                WarcRecord record = next.get();
                if (record instanceof WarcRequest req) {
                    Request request = readOrNull(() -> request(req, path));
                    if (request == null) {
                        sink.leftOut(DAMAGED);
                        break;
                    }
                    if (pending != null && pairs(request, pending)) {
                        emit(pending, request, path, sink);
                        pending = null;
                        continue;
                    }
                    pending = flush(pending, path, sink);
                    recent.put(request.id(), request);
                    if (recent.size() > RECENT_REQUESTS) {
                        Iterator<URI> oldest = recent.keySet().iterator();
                        oldest.next();
                        oldest.remove();
                        sink.leftOut("request record without a Co-WIN response");
                    }
                } else if (record instanceof WarcResponse resp && isCowin(resp.targetURI())) {
                    pending = flush(pending, path, sink);
                    Response response = readOrNull(() -> response(resp, path));
                    if (response == null) {
                        sink.leftOut(DAMAGED);
                        break;
                    }
                    Request request = recent.values().stream().filter(r -> pairs(r, response)).findFirst().orElse(null);
                    if (request != null) {
                        recent.remove(request.id());
                        emit(response, request, path, sink);
                    } else {
                        pending = response;
                    }
                } else {
                    pending = flush(pending, path, sink);
                    sink.leftOut(record instanceof WarcResponse ? "response from another site" : record.type() + " record");
                }
            }
        }
        flush(pending, path, sink);
        for (int i = 0; i < recent.size(); i++) {
            sink.leftOut("request record without a Co-WIN response");
        }
    }

    /**
     * The next record, or none after the last whole record of a damaged file (truncated, corrupt):
     * the records before it are good captures; the unreadable rest is counted once.
     */
    private static Optional<WarcRecord> next(WarcReader reader, ImportInput.Sink sink) throws IOException {
        try {
            return reader.next();
        } catch (IOException | RuntimeException e) {
            sink.leftOut(DAMAGED);
            return Optional.empty();
        }
    }

    /** A record's blocks, or null when the file is damaged there (cut short, corrupt). */
    private static <T> T readOrNull(Read<T> read) {
        try {
            return read.get();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The whole block of a record; a block shorter than its Content-Length is damage, never a short capture. */
    private static byte[] block(WarcRecord record, String path) throws IOException {
        byte[] block = Archives.capped(record.body().stream(), path + " record " + record.id());
        if (block.length != record.body().size()) {
            throw new IOException(path + " record " + record.id() + " is cut short");
        }
        return block;
    }

    private static Response flush(Response pending, String path, ImportInput.Sink sink) throws IOException {
        if (pending != null) {
            emit(pending, null, path, sink);
        }
        return null;
    }

    private static boolean pairs(Request request, Response response) {
        return response.concurrentTo().contains(request.id()) || request.concurrentTo().contains(response.id());
    }

    static boolean isCowin(URI target) {
        String host = target == null || target.getHost() == null ? "" : target.getHost().toLowerCase(Locale.ROOT);
        return COWIN_HOSTS.stream().anyMatch(h -> host.equals(h) || host.endsWith("." + h));
    }

    private static Request request(WarcRequest req, String path) throws IOException {
        byte[] block = block(req, path);
        return new Request(req.id(), req.concurrentTo(), req.date(), block, headers(block));
    }

    /**
     * The header lines of an HTTP request block, read leniently by hand: a block no HTTP parser
     * accepts must still have every header screened.
     */
    static Map<String, List<String>> headers(byte[] block) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String[] lines = new String(block, StandardCharsets.ISO_8859_1).split("\r?\n", -1);
        for (int i = 1; i < lines.length && !lines[i].isEmpty(); i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(lines[i].substring(0, colon).trim(), k -> new java.util.ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
        }
        return headers;
    }

    /** The bytes after an HTTP block's header lines (the first empty line), or none. */
    static byte[] bodyOf(byte[] block) {
        for (int i = 0; i + 1 < block.length; i++) {
            if (block[i] == '\n' && (block[i + 1] == '\n'
                    || (block[i + 1] == '\r' && i + 2 < block.length && block[i + 2] == '\n'))) {
                int start = i + (block[i + 1] == '\n' ? 2 : 3);
                return java.util.Arrays.copyOfRange(block, start, block.length);
            }
        }
        return new byte[0];
    }

    private static Response response(WarcResponse resp, String path) throws IOException {
        byte[] block = block(resp, path);
        String digest = resp.headers().first("WARC-Payload-Digest").orElse(null);
        return new Response(resp.id(), resp.concurrentTo(), resp.targetURI(), resp.date(), block, digest);
    }

    private static void emit(Response response, Request request, String path, ImportInput.Sink sink) throws IOException {
        Member.Capture capture = new Member.Capture(response.target(), response.date(), response.id().toString(),
                response.block(), request == null ? null : request.block(), request == null ? null : request.date(),
                request == null ? Map.of() : request.headers(), response.payloadDigest());
        sink.member(new Member(path, payload(response.block(), path), query(response.target()), Map.of(), capture));
    }

    /** The body as the client saw it (transfer and content encodings undone); the block as sent if that fails. */
    private static byte[] payload(byte[] block, String path) throws IOException {
        try {
            HttpResponse http = HttpResponse.parse(Channels.newChannel(new ByteArrayInputStream(block)));
            try (InputStream in = http.bodyDecoded().stream()) {
                return Archives.capped(in, path);
            }
        } catch (IOException | RuntimeException e) {
            return block;
        }
    }

    private static Map<String, String> query(URI target) {
        Map<String, String> params = new LinkedHashMap<>();
        String q = target.getRawQuery();
        if (q != null) {
            for (String pair : q.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return params;
    }
}
