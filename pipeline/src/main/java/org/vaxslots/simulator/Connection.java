package org.vaxslots.simulator;

import org.vaxslots.model.HttpReasons;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * One keep-alive HTTP/1.1 connection: reads requests (GET/HEAD; bodies skipped by
 * Content-Length), asks the handler, writes replies. Written on plain sockets rather than the
 * JDK HttpServer because the faults need control of the socket: a TCP reset, a body cut short
 * under a full Content-Length.
 */
final class Connection implements Runnable {
    private static final int MAX_LINE = 16 * 1024;
    private static final int MAX_HEADERS = 100;
    private static final int IDLE_TIMEOUT_MILLIS = 60_000;

    private final Socket socket;
    private final Function<HttpRequest, Reply> handler;
    private final Runnable onClose;

    Connection(Socket socket, Function<HttpRequest, Reply> handler, Runnable onClose) {
        this.socket = socket;
        this.handler = handler;
        this.onClose = onClose;
    }

    @Override
    public void run() {
        try (socket) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(IDLE_TIMEOUT_MILLIS);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 8192);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
            String client = socket.getInetAddress().getHostAddress();
            while (true) {
                HttpRequest req = read(in, client);
                if (req == null) {
                    return;
                }
                Reply reply = handler.apply(req);
                if (reply.latencyMillis() > 0) {
                    Thread.sleep(reply.latencyMillis());
                }
                if (reply.transport() == Reply.Transport.RESET) {
                    socket.setSoLinger(true, 0);
                    return;
                }
                boolean keepAlive = req.keepAlive() && reply.transport() == Reply.Transport.NORMAL;
                write(out, req, reply, keepAlive);
                if (!keepAlive) {
                    return;
                }
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            // Idle keep-alive timeout, client gone, or server closing: nothing to answer.
        } catch (IOException e) {
            // A client that disconnects mid-request is normal for crawlers under test.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            onClose.run();
        }
    }

    private static void write(OutputStream out, HttpRequest req, Reply reply, boolean keepAlive) throws IOException {
        StringBuilder head = new StringBuilder(256)
                .append("HTTP/1.1 ").append(reply.status()).append(' ').append(HttpReasons.of(reply.status())).append("\r\n");
        for (Reply.Header h : reply.headers()) {
            head.append(h.name()).append(": ").append(h.value()).append("\r\n");
        }
        byte[] body = reply.body();
        if (reply.status() != 304) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: ").append(keepAlive ? "keep-alive" : "close").append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        boolean sendBody = !req.method().equals("HEAD") && reply.status() != 304;
        if (sendBody) {
            int n = reply.transport() == Reply.Transport.TRUNCATE ? body.length / 2 : body.length;
            out.write(body, 0, n);
        }
        out.flush();
    }

    /** Null at a clean end of stream between requests. */
    private static HttpRequest read(InputStream in, String client) throws IOException {
        String line = readLine(in);
        while (line != null && line.isEmpty()) {
            line = readLine(in);
        }
        if (line == null) {
            return null;
        }
        String[] parts = line.split(" ");
        if (parts.length != 3) {
            throw new IOException("malformed request line: " + line);
        }
        Map<String, String> headers = new HashMap<>();
        for (int i = 0; ; i++) {
            String h = readLine(in);
            if (h == null || i > MAX_HEADERS) {
                throw new IOException("unterminated or oversized header block");
            }
            if (h.isEmpty()) {
                break;
            }
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
            }
        }
        String length = headers.get("content-length");
        if (length != null) {
            in.skipNBytes(Long.parseLong(length.trim()));
        }
        String target = parts[1];
        int q = target.indexOf('?');
        return new HttpRequest(parts[0].toUpperCase(Locale.ROOT), q < 0 ? target : target.substring(0, q),
                q < 0 ? "" : target.substring(q + 1), parts[2], headers, client);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = buf.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
            }
            if (buf.size() >= MAX_LINE) {
                throw new IOException("header line longer than " + MAX_LINE + " bytes");
            }
            buf.write(b);
        }
        if (buf.size() > 0) {
            throw new IOException("connection closed mid-line");
        }
        return null;
    }
}
