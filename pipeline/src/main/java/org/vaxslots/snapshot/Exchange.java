package org.vaxslots.snapshot;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One HTTP attempt as it happened: the request bytes sent, and either the response (status,
 * headers, the whole message exactly as received for the archive, and the body with any chunked
 * transfer coding removed but still gzip-encoded if it was) or why nothing came back.
 */
record Exchange(
        URI uri,
        byte[] requestBytes,
        Instant startedAt,
        Instant finishedAt,
        Integer status,
        Map<String, List<String>> responseHeaders,
        byte[] rawResponse,
        byte[] body,
        String networkError) {

    static Exchange failed(URI uri, byte[] request, Instant started, Instant finished, String why) {
        return new Exchange(uri, request, started, finished, null, null, null, null, why);
    }

    boolean isRetryable() {
        return networkError != null || (status != null && status >= 500);
    }

    String header(String name) {
        if (responseHeaders == null) {
            return null;
        }
        List<String> values = responseHeaders.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
