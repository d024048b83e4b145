package org.vaxslots.ingest;

import java.net.URI;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One recorded response as an import input yields it: a file of a folder, a member of a zip or
 * tar, a decompressed {@code .json.gz}, a Co-WIN capture of another crawler's WARC, or a blob a
 * caller holds in memory (a file of a git commit). Import screens it, reads its request and
 * archives it; it never sees where the bytes were kept.
 *
 * @param path    the member's path relative to the input given (folder, archive or repository),
 *                with {@code /} between segments: what {@code --name-pattern} reads and what
 *                {@code source_file} records
 * @param body    the exact bytes of the response body (for a capture: its payload, decoded)
 * @param params  request parameters the source itself states (a capture's URI query); below the
 *                name pattern and {@code --param}, above inference from the name and body
 * @param fields  extra vaxslots WARC header fields for its record, e.g. the git commit it came from
 * @param capture the HTTP exchange, when the source kept one (another crawler's WARC); null for a file
 */
public record Member(String path, byte[] body, Map<String, String> params, Map<String, String> fields,
        Capture capture) {

    /** Larger members are refused: no Co-WIN response comes near it, and normalize reads no more ({@code WarcArchiveReader}). */
    public static final int MAX_BYTES = 64 * 1024 * 1024;

    public Member {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(body, "body");
        params = ordered(params);
        fields = ordered(fields);
    }

    /**
     * An unmodifiable copy in the given order. Parameters and fields are written into the raw
     * archive in this order (the {@code Vaxslots-Params} header, the request URI, the WARC header
     * fields), so it must not be {@link Map#copyOf}'s, which changes from JVM to JVM: the same
     * input imported twice would give other bytes.
     */
    static Map<String, String> ordered(Map<String, String> in) {
        Map<String, String> out = new LinkedHashMap<>();
        in.forEach((k, v) -> out.put(Objects.requireNonNull(k, "key"), Objects.requireNonNull(v, k)));
        return Collections.unmodifiableMap(out);
    }

    /** A file's bytes, with nothing said about its request but its path. */
    public static Member file(String path, byte[] body) {
        return new Member(path, body, Map.of(), Map.of(), null);
    }

    /** The same member with extra WARC header fields (e.g. {@code RawHeaders.GIT_COMMIT}). */
    public Member withFields(Map<String, String> extra) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.putAll(extra);
        return new Member(path, body, params, all, capture);
    }

    /** The file name: the last segment of {@link #path}. */
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * An HTTP exchange kept by another crawler, copied as it was: the response record's HTTP block
     * (status line, headers, body as sent), its request when the WARC has one, and their dates.
     *
     * @param recordId      the source's WARC-Record-ID: the capture's identity
     * @param requestBlock  the request record's HTTP block, or null when the WARC kept none
     * @param requestHeaders the request's HTTP headers (screened before anything is written)
     * @param payloadDigest the source's WARC-Payload-Digest, or null
     */
    public record Capture(URI target, Instant date, String recordId, byte[] responseBlock, byte[] requestBlock,
            Instant requestDate, Map<String, List<String>> requestHeaders, String payloadDigest) {

        /** The response's HTTP headers, read as leniently as the request's: all are copied, so all are screened. */
        public Map<String, List<String>> responseHeaders() {
            return ForeignWarc.headers(responseBlock);
        }

        /** What the request sent after its headers (a form or JSON body), empty for a plain GET. */
        public byte[] requestBody() {
            return requestBlock == null ? new byte[0] : ForeignWarc.bodyOf(requestBlock);
        }
    }
}
