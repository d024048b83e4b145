package org.vaxslots.privacy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * What a saved body really holds, so the screen reads the text and not its wrapping: a gzip
 * stream is inflated (a body saved without its Content-Encoding), and UTF-16 or UTF-32 (what
 * Windows PowerShell's {@code >} writes, with or without a byte-order mark) or a UTF-8 byte-order
 * mark becomes plain UTF-8. A body in any of these that is read as UTF-8 as it is shows no key and
 * no digit run, so without this it would pass unseen.
 */
final class BodyEncodings {
    /** A body that inflates past this is not screened but refused: nothing that big is a real answer. */
    static final int MAX_INFLATED_BYTES = 64 << 20;

    /** A gzip body that inflates past {@link #MAX_INFLATED_BYTES}, or nests gzip in gzip. */
    static final class Unscreenable extends Exception {
        Unscreenable(String why) {
            super(why);
        }
    }

    private BodyEncodings() {}

    /** The body as UTF-8 text bytes (the same array when it already is). */
    static byte[] asUtf8(byte[] body) throws Unscreenable {
        byte[] b = body;
        if (isGzip(b)) {
            b = inflate(b);
            if (isGzip(b)) {
                throw new Unscreenable("gzip inside gzip");
            }
        }
        Charset cs = wideCharset(b);
        if (cs != null) {
            return new String(b, cs).replace("\uFEFF", "").getBytes(StandardCharsets.UTF_8);
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
            byte[] out = new byte[b.length - 3];
            System.arraycopy(b, 3, out, 0, out.length);
            return out;
        }
        return b;
    }

    private static boolean isGzip(byte[] b) {
        return b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
    }

    private static byte[] inflate(byte[] b) throws Unscreenable {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(b))) {
            byte[] buf = new byte[64 << 10];
            for (int n; (n = in.read(buf)) > 0; ) {
                out.write(buf, 0, n);
                if (out.size() > MAX_INFLATED_BYTES) {
                    throw new Unscreenable("gzip body inflating past " + (MAX_INFLATED_BYTES >> 20) + " MiB");
                }
            }
        } catch (IOException damaged) {
            // A cut or damaged stream: screen what did inflate, as a truncated body is screened.
        }
        return out.toByteArray();
    }

    /**
     * UTF-32 or UTF-16 by byte-order mark, else UTF-16 by the zero bytes of ASCII text (a JSON or
     * text body starts with an ASCII character, so its first two bytes show the byte order); null
     * for anything else.
     */
    private static Charset wideCharset(byte[] b) {
        if (b.length >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xff) == 0xFE && (b[3] & 0xff) == 0xFF) {
            return Charset.forName("UTF-32BE");
        }
        if (b.length >= 4 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE && b[2] == 0 && b[3] == 0) {
            return Charset.forName("UTF-32LE");
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (b.length >= 4 && b[0] == 0 && b[1] != 0 && b[2] == 0 && b[3] != 0) {
            return StandardCharsets.UTF_16BE;
        }
        if (b.length >= 4 && b[0] != 0 && b[1] == 0 && b[2] != 0 && b[3] == 0) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }
}
