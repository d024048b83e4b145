package org.vaxslots.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Plain HTTP/1.1 GETs over one kept-alive connection, written here rather than borrowed so that
 * nothing happens unseen: the JDK client resends a GET whose pooled connection was reset, which
 * would hide an attempt from the ledger and the budget. Here every request is sent exactly once,
 * redirects are never followed, no cookie or credential is ever sent, the bytes archived are the
 * bytes that crossed the wire, and bodies are capped in size.
 */
final class Fetcher implements AutoCloseable {
    /** Bodies are cut here: no real Co-WIN response comes close (the largest sample is 380 KB). */
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    static final String DEFAULT_USER_AGENT =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/90.0 Safari/537.36 vaxslots";

    private final Map<String, String> headers;
    private final Duration timeout;
    private final Clock clock;
    private Socket socket;
    private ConnectionInput input;
    private String connectedTo;

    Fetcher(String userAgent, Duration timeout, Clock clock) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("User-Agent", userAgent);
        h.put("Accept", "application/json");
        h.put("Accept-Language", "en_US");
        h.put("Accept-Encoding", "gzip");
        h.put("Connection", "keep-alive");
        this.headers = Map.copyOf(h);
        this.timeout = timeout;
        this.clock = clock;
    }

    Exchange get(URI uri) {
        return get(uri, Map.of());
    }

    /** A GET with these headers on top of the usual ones (the If-None-Match of a conditional request). */
    Exchange get(URI uri, Map<String, String> extra) {
        byte[] request = requestBytes(uri, extra);
        Instant started = clock.instant();
        try {
            Socket s = connect(uri);
            OutputStream out = s.getOutputStream();
            out.write(request);
            out.flush();
            Response r = read(input);
            if (!r.keepAlive) {
                close();
            }
            return new Exchange(uri, request, started, clock.instant(), r.status, r.headers, r.raw, r.body, null);
        } catch (IOException e) {
            close();
            return Exchange.failed(uri, request, started, clock.instant(),
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
    }

    private byte[] requestBytes(URI u, Map<String, String> extra) {
        StringBuilder b = new StringBuilder("GET ").append(u.getRawPath())
                .append(u.getRawQuery() == null ? "" : "?" + u.getRawQuery()).append(" HTTP/1.1\r\n");
        b.append("Host: ").append(u.getHost()).append(u.getPort() == -1 ? "" : ":" + u.getPort()).append("\r\n");
        java.util.TreeMap<String, String> all = new java.util.TreeMap<>(headers);
        all.putAll(extra);
        all.forEach((k, v) -> b.append(k).append(": ").append(v).append("\r\n"));
        return b.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private Socket connect(URI uri) throws IOException {
        boolean https = "https".equals(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
        String key = uri.getScheme() + "://" + uri.getHost() + ":" + port;
        if (socket != null && key.equals(connectedTo) && !socket.isClosed()) {
            return socket;
        }
        close();
        Socket s = new Socket();
        s.connect(new InetSocketAddress(uri.getHost(), port), (int) timeout.toMillis());
        s.setSoTimeout((int) timeout.toMillis());
        s.setTcpNoDelay(true);
        if (https) {
            SSLSocket tls = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault())
                    .createSocket(s, uri.getHost(), port, true);
            SSLParameters params = tls.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(params);
            tls.startHandshake();
            s = tls;
        }
        socket = s;
        input = new ConnectionInput(s.getInputStream(), MAX_HEADER_BYTES);
        connectedTo = key;
        return s;
    }

    private record Response(int status, Map<String, List<String>> headers, byte[] raw, byte[] body, boolean keepAlive) {}

    private static Response read(ConnectionInput in) throws IOException {
        ConnectionInput.Bytes raw = new ConnectionInput.Bytes(16 * 1024);
        String statusLine = in.line(raw);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x status line: " + statusLine);
        }
        int status;
        try {
            status = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("bad status in: " + statusLine);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String l = in.line(raw); !l.isEmpty(); l = in.line(raw)) {
            int colon = l.indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(l.substring(colon + 1).trim());
            }
            if (raw.size() > MAX_HEADER_BYTES) {
                throw new IOException("response headers longer than " + MAX_HEADER_BYTES + " bytes");
            }
        }
        String connection = first(headers, "connection");
        boolean keepAlive = !"close".equalsIgnoreCase(connection) && parts[0].equals("HTTP/1.1");
        int bodyStart = raw.size();
        String length = first(headers, "content-length");
        if (status == 204 || status == 304 || (status >= 100 && status < 200)) {
            return new Response(status, headers, raw.toArray(), new byte[0], keepAlive);
        }
        if ("chunked".equalsIgnoreCase(first(headers, "transfer-encoding"))) {
            byte[] body = chunked(in, raw);
            return new Response(status, headers, raw.toArray(), body, keepAlive);
        }
        if (length != null) {
            long n;
            try {
                n = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                throw new IOException("bad Content-Length: " + length);
            }
            if (n < 0 || n > MAX_BODY_BYTES) {
                throw new IOException("Content-Length " + n + " is over the cap of " + MAX_BODY_BYTES + " bytes");
            }
            raw.room((int) n);
            int got = in.copy(raw, (int) n);
            if (got < n) {
                throw new IOException("connection closed after " + got + " of " + n + " body bytes");
            }
        } else {
            if (in.copy(raw, MAX_BODY_BYTES + 1) > MAX_BODY_BYTES) {
                throw new IOException("body longer than " + MAX_BODY_BYTES + " bytes");
            }
            keepAlive = false;
        }
        return new Response(status, headers, raw.toArray(), raw.copyFrom(bodyStart), keepAlive);
    }

    private static byte[] chunked(ConnectionInput in, ConnectionInput.Bytes raw) throws IOException {
        ConnectionInput.Bytes body = new ConnectionInput.Bytes(64 * 1024);
        while (true) {
            String sizeLine = in.line(raw);
            int semi = sizeLine.indexOf(';');
            int size;
            try {
                size = Integer.parseInt((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("bad chunk size: " + sizeLine);
            }
            if (size == 0) {
                for (String trailer = in.line(raw); !trailer.isEmpty(); trailer = in.line(raw)) {
                    // trailers are kept in the raw bytes only
                }
                return body.toArray();
            }
            if (size < 0 || body.size() + (long) size > MAX_BODY_BYTES) {
                throw new IOException("chunked body longer than " + MAX_BODY_BYTES + " bytes");
            }
            int from = raw.size();
            if (in.copy(raw, size) < size) {
                throw new IOException("connection closed inside a chunk");
            }
            body.append(raw, from);
            in.line(raw);
        }
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a broken connection: nothing left to lose
            }
            socket = null;
            input = null;
            connectedTo = null;
        }
    }
}
