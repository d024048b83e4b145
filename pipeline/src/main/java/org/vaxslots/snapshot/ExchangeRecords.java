package org.vaxslots.snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.vaxslots.raw.RawHeaders;
import org.vaxslots.raw.WarcArchiveWriter;
import org.vaxslots.store.Digests;

/**
 * An exchange as WARC records: a {@code request} record, then a {@code response} record that
 * points to it with WARC-Concurrent-To and carries the response exactly as the bytes came in. An attempt that got no response is a {@code metadata} record saying why.
 * Each record carries the sweep's own fields, so the archive is its own ledger.
 */
final class ExchangeRecords {
    private ExchangeRecords() {}

    static void write(WarcArchiveWriter writer, Exchange x, Map<String, String> fields) throws IOException {
        WarcRequest.Builder request = new WarcRequest.Builder(x.uri())
                .date(x.startedAt())
                .body(MediaType.HTTP_REQUEST, x.requestBytes());
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
                .body(MediaType.HTTP_RESPONSE, x.rawResponse());
        fields.forEach(response::addHeader);
        writer.write(response.build());
    }



}
