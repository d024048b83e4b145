package org.vaxslots.raw;

import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

/**
 * Inflates a gzip-encoded HTTP body held in memory, as jwarc's decoder reads it: every member in
 * turn, an empty body as empty, the uncompressed size of each member checked (its CRC is not, as
 * jwarc does not), and bytes after the last member that do not make a whole member refused. One
 * inflater per body, ended before it returns: jwarc's is never ended, and its native memory (some
 * 40 KB a body) waited for the garbage collector.
 */
final class Gunzip {
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;
    private static final int HEADER_BYTES = 10;
    private static final int TRAILER_BYTES = 8;

    private Gunzip() {}

    /** The inflated body, cut at {@code cap + 1} bytes (so an oversized body shows as one). */
    static byte[] inflate(byte[] gz, int cap) throws IOException {
        Inflater inflater = new Inflater(true);
        try {
            byte[] out = new byte[Math.min(cap + 1, Math.max(1024, gz.length * 8))];
            int written = 0;
            int pos = 0;
            while (pos < gz.length) {
                pos = header(gz, pos);
                inflater.reset();
                inflater.setInput(gz, pos, gz.length - pos);
                long memberStart = written;
                while (!inflater.finished()) {
                    if (written == out.length) {
                        if (out.length > cap) {
                            return out;
                        }
                        out = Arrays.copyOf(out, (int) Math.min(cap + 1L, out.length * 2L));
                    }
                    int n;
                    try {
                        n = inflater.inflate(out, written, out.length - written);
                    } catch (DataFormatException e) {
                        throw new ZipException(e.getMessage());
                    }
                    if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                        throw new EOFException("unexpected end of gzip stream");
                    }
                    written += n;
                }
                pos = gz.length - inflater.getRemaining();
                if (gz.length - pos < TRAILER_BYTES) {
                    throw new EOFException("reading gzip trailer");
                }
                long size = littleEndianInt(gz, pos + 4);
                if (size != ((written - memberStart) & 0xffffffffL)) {
                    throw new ZipException("gzip uncompressed size mismatch");
                }
                pos += TRAILER_BYTES;
            }
            return Arrays.copyOf(out, written);
        } finally {
            inflater.end();
        }
    }

    /** The position after the member header at {@code pos}. */
    private static int header(byte[] gz, int pos) throws IOException {
        if (gz.length - pos < HEADER_BYTES) {
            throw new EOFException("partial gzip header");
        }
        if ((gz[pos] & 0xff) != 0x1f || (gz[pos + 1] & 0xff) != 0x8b || gz[pos + 2] != 8) {
            throw new ZipException("not a gzip member");
        }
        int flags = gz[pos + 3] & 0xff;
        int p = pos + HEADER_BYTES;
        if ((flags & FEXTRA) != 0) {
            need(gz, p, 2);
            p += 2 + ((gz[p] & 0xff) | (gz[p + 1] & 0xff) << 8);
        }
        if ((flags & FNAME) != 0) {
            p = afterZero(gz, p);
        }
        if ((flags & FCOMMENT) != 0) {
            p = afterZero(gz, p);
        }
        if ((flags & FHCRC) != 0) {
            p += 2;
        }
        need(gz, p, 0);
        return p;
    }

    private static int afterZero(byte[] gz, int p) throws IOException {
        while (p < gz.length && gz[p] != 0) {
            p++;
        }
        need(gz, p, 1);
        return p + 1;
    }

    private static void need(byte[] gz, int p, int bytes) throws IOException {
        if (p + bytes > gz.length) {
            throw new EOFException("partial gzip header");
        }
    }

    private static long littleEndianInt(byte[] b, int p) {
        return (b[p] & 0xffL) | (b[p + 1] & 0xffL) << 8 | (b[p + 2] & 0xffL) << 16 | (b[p + 3] & 0xffL) << 24;
    }
}
