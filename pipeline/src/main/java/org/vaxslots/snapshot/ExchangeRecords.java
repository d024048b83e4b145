package org.vaxslots.snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.vaxslots.model.FetchOutcome;
import org.vaxslots.raw.RawHeaders;
import org.vaxslots.raw.WarcArchiveWriter;
import org.vaxslots.store.Digests;

/**
 * An exchange as WARC records: a {@code request} record, then a {@code response} record that
 * points to it with WARC-Concurrent-To and carries the response exactly as the bytes came in. An attempt that got no response is a {@code metadata} record saying why.
 * A 304 to a conditional request is a {@code revisit} record (profile server-not-modified) with the
 * 304 as it came in; the caller gives {@link RawHeaders#REFERS_TO_SWEEP} and {@code WARC-Refers-To-Date}
 * of the capture it repeats, and those go on the revisit record only.
 * Each record carries the sweep's own fields, so the archive is its own ledger.
 */
final class ExchangeRecords {
    private ExchangeRecords() {}

    static void write(WarcArchiveWriter writer, Exchange x, Map<String, String> fields) throws IOException {
        WarcRequest.Builder request = new WarcRequest.Builder(x.uri())
                .date(x.startedAt())
                .body(MediaType.HTTP_REQUEST, x.requestBytes());
        fields.forEach((name, value) -> {
            if (!isReference(name)) {
                request.addHeader(name, value);
            }
        });
        WarcRequest req = request.build();
        writer.write(req);
        if (x.status() == null) {
            WarcMetadata.Builder meta = new WarcMetadata.Builder()
                    .targetURI(x.uri())
                    .date(x.finishedAt())
                    .concurrentTo(req.id())
                    .body(MediaType.PLAIN_TEXT, x.networkError().getBytes(StandardCharsets.UTF_8));
            fields.forEach((name, value) -> {
                if (!isReference(name)) {
                    meta.addHeader(name, value);
                }
            });
            meta.addHeader(RawHeaders.OUTCOME, FetchOutcome.NETWORK_ERROR.word());
            writer.write(meta.build());
            return;
        }
        if (x.status() == 304 && fields.containsKey(RawHeaders.REFERS_TO_SWEEP)) {
            WarcRevisit.Builder revisit = new WarcRevisit.Builder(x.uri(), WarcRevisit.SERVER_NOT_MODIFIED_1_1)
                    .date(x.startedAt())
                    .concurrentTo(req.id())
                    .body(MediaType.HTTP_RESPONSE, x.rawResponse());
            revisit.addHeader("WARC-Refers-To-Target-URI", x.uri().toString());
            fields.forEach(revisit::addHeader);
            writer.write(revisit.build());
            return;
        }
        WarcDigest payload = new WarcDigest("sha256", Digests.sha256(x.body()));
        WarcResponse.Builder response = new WarcResponse.Builder(x.uri())
                .date(x.startedAt())
                .concurrentTo(req.id())
                .payloadDigest(payload)
                .body(MediaType.HTTP_RESPONSE, x.rawResponse());
        fields.forEach((name, value) -> {
            if (!isReference(name)) {
                response.addHeader(name, value);
            }
        });
        writer.write(response.build());
    }

    private static boolean isReference(String field) {
        return field.equals(RawHeaders.REFERS_TO_SWEEP) || field.equals("WARC-Refers-To-Date");
    }



}
