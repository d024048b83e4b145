package org.vaxslots.snapshot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A connection's input, read in blocks: lines are found by scanning the block, not byte by
 * byte, and a body goes straight into the bytes that keep the response. What is read past the
 * current response stays here for the next one.
 */
final class ConnectionInput {
    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] block = new byte[64 * 1024];
    private int pos;
    private int limit;

    ConnectionInput(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    private boolean fill() throws IOException {
        if (pos < limit) {
            return true;
        }
        int n = in.read(block, 0, block.length);
        if (n <= 0) {
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    /** One LF-terminated line, appended to {@code raw} with its terminator; returned without CR LF. */
    String line(Bytes raw) throws IOException {
        int start = raw.size();
        while (fill()) {
            int i = pos;
            while (i < limit && block[i] != '\n') {
                i++;
            }
            boolean found = i < limit;
            int end = found ? i + 1 : limit;
            raw.append(block, pos, end - pos);
            pos = end;
            if (found) {
                int len = raw.size() - start - 1;
                if (len > 0 && raw.at(start + len - 1) == '\r') {
                    len--;
                }
                return raw.string(start, len);
            }
            if (raw.size() - start > maxLineBytes) {
                throw new IOException("line longer than " + maxLineBytes + " bytes");
            }
        }
        throw new IOException("connection closed " + (raw.size() == 0 ? "before any response byte" : "mid-response"));
    }

    /** Appends up to {@code n} bytes to {@code raw}, fewer only at end of stream; returns how many. */
    int copy(Bytes raw, int n) throws IOException {
        int fromBlock = Math.min(n, limit - pos);
        raw.append(block, pos, fromBlock);
        pos += fromBlock;
        return fromBlock + raw.readFrom(in, n - fromBlock);
    }

    /** A growable byte array that hands its array over without a copy when it is exactly full. */
    static final class Bytes {
        private byte[] bytes;
        private int size;

        Bytes(int capacity) {
            bytes = new byte[capacity];
        }

        int size() {
            return size;
        }

        byte at(int i) {
            return bytes[i];
        }

        String string(int from, int length) {
            return new String(bytes, from, length, StandardCharsets.ISO_8859_1);
        }

        void room(int more) {
            if (bytes.length - size < more) {
                bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 8, Math.max((long) size + more, 2L * bytes.length)));
            }
        }

        void append(byte[] b, int off, int len) {
            room(len);
            System.arraycopy(b, off, bytes, size, len);
            size += len;
        }

        void append(Bytes other, int from) {
            append(other.bytes, from, other.size - from);
        }

        /** Reads up to {@code n} bytes from {@code in}, fewer only at end of stream; returns how many. */
        int readFrom(InputStream in, int n) throws IOException {
            int got = 0;
            while (got < n) {
                // Room grows with what arrives, so a body without a length costs what it is, not the cap.
                room(Math.min(n - got, 64 * 1024));
                int r = in.read(bytes, size, Math.min(n - got, bytes.length - size));
                if (r < 0) {
                    break;
                }
                size += r;
                got += r;
            }
            return got;
        }

        byte[] copyFrom(int from) {
            return Arrays.copyOfRange(bytes, from, size);
        }

        byte[] toArray() {
            return bytes.length == size ? bytes : Arrays.copyOf(bytes, size);
        }
    }
}
