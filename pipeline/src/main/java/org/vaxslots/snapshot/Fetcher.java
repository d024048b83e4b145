package org.vaxslots.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Plain GETs over one keep-alive HTTP/1.1 client. Redirects are never followed (a 3xx is recorded
 * as it is), no cookie or credential is ever sent, and the body is read raw, capped in size.
 */
final class Fetcher {
    /** Bodies are cut here: no real Co-WIN response comes close (the largest sample is 380 KB). */
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    static final String DEFAULT_USER_AGENT =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/90.0 Safari/537.36 vaxslots";

    private final HttpClient client;
    private final Map<String, String> headers;
    private final Duration timeout;
    private final Clock clock;

    Fetcher(String userAgent, Duration timeout, Clock clock) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout)
                .build();
        Map<String, String> h = new LinkedHashMap<>();
        h.put("User-Agent", userAgent);
        h.put("Accept", "application/json");
        h.put("Accept-Language", "en_US");
        h.put("Accept-Encoding", "gzip");
        this.headers = Map.copyOf(h);
        this.timeout = timeout;
        this.clock = clock;
    }

    Exchange get(URI uri) throws InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(timeout).GET();
        headers.forEach(b::header);
        Instant started = clock.instant();
        try {
            HttpResponse<InputStream> r = client.send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = r.body()) {
                body = in.readNBytes(MAX_BODY_BYTES);
                if (in.read() != -1) {
                    return new Exchange(uri, headers, started, clock.instant(), null, null, null,
                            "body longer than " + MAX_BODY_BYTES + " bytes: not archived");
                }
            }
            return new Exchange(uri, headers, started, clock.instant(), r.statusCode(), r.headers().map(), body, null);
        } catch (IOException e) {
            return new Exchange(uri, headers, started, clock.instant(), null, null, null,
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }
}
