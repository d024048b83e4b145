package org.vaxslots.snapshot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The crawler's buffered reading of a connection, fed the way a socket may deliver: a few bytes at
 * a time, lines and bodies split anywhere, two responses back to back.
 */
class ConnectionInputTest {
    /** Hands out at most a random 1-9 bytes per read, like a slow network. */
    private static InputStream trickle(byte[] bytes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + random.nextInt(9)));
            }
        };
    }

    @Test
    void linesAndBodies_splitAnywhere_comeOutWholeAndTheRawBytesAreExact() throws IOException {
        byte[] body = new byte[70_000]; // longer than one 64 KB block
        new SplittableRandom(7).nextBytes(body);
        String head = "HTTP/1.1 200 OK\r\nContent-Length: 70000\nETag: W/\"x\"\r\n\r\n";
        byte[] second = "HTTP/1.1 304 Not Modified\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = concat(head.getBytes(StandardCharsets.ISO_8859_1), body, second);
        for (long seed = 0; seed < 20; seed++) {
            ConnectionInput in = new ConnectionInput(trickle(all, seed), 1024);
            ConnectionInput.Bytes raw = new ConnectionInput.Bytes(16);
            assertEquals("HTTP/1.1 200 OK", in.line(raw));
            assertEquals("Content-Length: 70000", in.line(raw), "a bare LF ends a line too");
            assertEquals("ETag: W/\"x\"", in.line(raw));
            assertEquals("", in.line(raw));
            int bodyStart = raw.size();
            raw.room(body.length);
            assertEquals(body.length, in.copy(raw, body.length));
            assertArrayEquals(body, raw.copyFrom(bodyStart));
            assertArrayEquals(Arrays.copyOf(all, all.length - second.length), raw.toArray());

            ConnectionInput.Bytes next = new ConnectionInput.Bytes(8);
            assertEquals("HTTP/1.1 304 Not Modified", in.line(next), "what was read past a response waits for the next");
            assertEquals("", in.line(next));
            IOException end = assertThrows(IOException.class, () -> in.line(new ConnectionInput.Bytes(8)));
            assertTrue(end.getMessage().contains("before any response byte"), end.getMessage());
        }
    }

    @Test
    void shortBodyAtEndOfStream_returnsWhatCame_andLongLinesAreRefused() throws IOException {
        ConnectionInput in = new ConnectionInput(trickle("abc".getBytes(StandardCharsets.US_ASCII), 1), 1024);
        ConnectionInput.Bytes raw = new ConnectionInput.Bytes(4);
        assertEquals(3, in.copy(raw, 10));
        assertArrayEquals("abc".getBytes(StandardCharsets.US_ASCII), raw.toArray());

        byte[] longLine = ("X-Long: " + "y".repeat(5000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        IOException tooLong = assertThrows(IOException.class,
                () -> new ConnectionInput(trickle(longLine, 2), 1024).line(new ConnectionInput.Bytes(16)));
        assertTrue(tooLong.getMessage().contains("longer than 1024"), tooLong.getMessage());

        IOException cut = assertThrows(IOException.class, () -> new ConnectionInput(
                trickle("HTTP/1.1 2".getBytes(StandardCharsets.US_ASCII), 3), 1024).line(new ConnectionInput.Bytes(16)));
        assertTrue(cut.getMessage().contains("mid-response"), cut.getMessage());
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
