package org.vaxslots.snapshot;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.vaxslots.model.HttpReasons;
import org.vaxslots.raw.RawHeaders;
import org.vaxslots.raw.WarcArchiveWriter;
import org.vaxslots.store.Digests;

/**
 * An exchange as WARC records: a {@code request} record, then a {@code response} record that
 * points to it with WARC-Concurrent-To and carries the status line, every header and the body
 * bytes as received. An attempt that got no response is a {@code metadata} record saying why.
 * Each record carries the sweep's own fields, so the archive is its own ledger.
 */
final class ExchangeRecords {
    private ExchangeRecords() {}

    static void write(WarcArchiveWriter writer, Exchange x, Map<String, String> fields) throws IOException {
        WarcRequest.Builder request = new WarcRequest.Builder(x.uri())
                .date(x.startedAt())
                .body(MediaType.HTTP_REQUEST, requestBytes(x));
        fields.forEach(request::addHeader);
        WarcRequest req = request.build();
        writer.write(req);
        if (x.status() == null) {
            WarcMetadata.Builder meta = new WarcMetadata.Builder()
                    .targetURI(x.uri())
                    .date(x.finishedAt())
                    .concurrentTo(req.id())
                    .body(MediaType.PLAIN_TEXT, x.networkError().getBytes(StandardCharsets.UTF_8));
            fields.forEach(meta::addHeader);
            meta.addHeader(RawHeaders.OUTCOME, "network_error");
            writer.write(meta.build());
            return;
        }
        WarcDigest payload = new WarcDigest("sha256", Digests.sha256(x.body()));
        WarcResponse.Builder response = new WarcResponse.Builder(x.uri())
                .date(x.startedAt())
                .concurrentTo(req.id())
                .payloadDigest(payload)
                .body(MediaType.HTTP_RESPONSE, responseBytes(x));
        fields.forEach(response::addHeader);
        writer.write(response.build());
    }

    private static byte[] requestBytes(Exchange x) {
        URI u = x.uri();
        StringBuilder b = new StringBuilder("GET ").append(u.getRawPath())
                .append(u.getRawQuery() == null ? "" : "?" + u.getRawQuery()).append(" HTTP/1.1\r\n");
        b.append("Host: ").append(u.getHost()).append(u.getPort() == -1 ? "" : ":" + u.getPort()).append("\r\n");
        x.requestHeaders().forEach((k, v) -> b.append(k).append(": ").append(v).append("\r\n"));
        return b.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] responseBytes(Exchange x) throws IOException {
        StringBuilder b = new StringBuilder("HTTP/1.1 ").append(x.status()).append(' ')
                .append(HttpReasons.of(x.status())).append("\r\n");
        for (Map.Entry<String, List<String>> e : new java.util.TreeMap<>(x.responseHeaders()).entrySet()) {
            if (e.getKey() == null || e.getKey().startsWith(":")) {
                continue;
            }
            for (String v : e.getValue()) {
                b.append(e.getKey()).append(": ").append(v).append("\r\n");
            }
        }
        b.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(x.body());
        return out.toByteArray();
    }

}
