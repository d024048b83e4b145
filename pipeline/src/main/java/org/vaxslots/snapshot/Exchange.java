package org.vaxslots.snapshot;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One HTTP attempt as it happened: what was sent, and either what came back (status, headers and
 * the body bytes exactly as received, still gzip-encoded if they were) or why nothing did.
 */
record Exchange(
        URI uri,
        Map<String, String> requestHeaders,
        Instant startedAt,
        Instant finishedAt,
        Integer status,
        Map<String, List<String>> responseHeaders,
        byte[] body,
        String networkError) {

    boolean isThrottled() {
        return status != null && (status == 403 || status == 429);
    }

    boolean isOk() {
        return status != null && status >= 200 && status < 300;
    }

    boolean isRetryable() {
        return networkError != null || (status != null && status >= 500);
    }

    String header(String name) {
        if (responseHeaders == null) {
            return null;
        }
        for (Map.Entry<String, List<String>> e : responseHeaders.entrySet()) {
            if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
                return e.getValue().get(0);
            }
        }
        return null;
    }
}
