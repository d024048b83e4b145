package org.vaxslots.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A loopback HTTP/1.1 client for the simulator tests, sending a browser User-Agent by default. */
final class SimHttp {
    static final String BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/90.0 Safari/537.36";

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final SimulatorServer server;

    SimHttp(SimulatorServer server) {
        this.server = server;
    }

    /** GET {@code baseUri + pathAndQuery}, e.g. "/v2/admin/location/states". */
    HttpResponse<byte[]> get(String pathAndQuery, String... headers) {
        return send(URI.create(server.baseUri() + pathAndQuery), headers);
    }

    HttpResponse<byte[]> getRoot(String pathAndQuery, String... headers) {
        return send(URI.create("http://127.0.0.1:" + server.port() + pathAndQuery), headers);
    }

    HttpResponse<byte[]> sendOrThrow(HttpRequest req) throws IOException, InterruptedException {
        return client.send(req, HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(server.baseUri() + pathAndQuery))
                .timeout(Duration.ofSeconds(20)).header("User-Agent", BROWSER_UA);
    }

    private HttpResponse<byte[]> send(URI uri, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).header("User-Agent", BROWSER_UA);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.setHeader(headers[i], headers[i + 1]);
        }
        try {
            return client.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
