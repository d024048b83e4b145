package org.vaxslots.raw;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.netpreserve.jwarc.HttpResponse;

/**
 * {@link Gunzip} reads a body as jwarc's decoder does (which normalize used before): the same bytes
 * or, where jwarc refuses a body, a refusal too, over hand-made edge cases and 2,000 mutations.
 */
class GunzipTest {
    private static final byte[] ONE = gzip("{\"centers\":[{\"center_id\":1,\"name\":\"PHC\"}]}");
    private static final byte[] TWO = gzip("{\"sessions\":[]}");

    @Test
    void inflate_edgeCases_asJwarc() throws Exception {
        byte[] badCrc = ONE.clone();
        badCrc[badCrc.length - 6] ^= 1;
        byte[] badSize = ONE.clone();
        badSize[badSize.length - 2] ^= 1;
        byte[] named = withName(ONE, "body.json");
        byte[][] cases = {
            ONE, new byte[0], concat(ONE, TWO), concat(ONE, "garbage".getBytes(StandardCharsets.US_ASCII)),
            concat(ONE, new byte[] {0x1f, (byte) 0x8b, 8}), Arrays.copyOf(ONE, ONE.length - 4), Arrays.copyOf(ONE, 5),
            badCrc, badSize, "{\"plain\":1}".getBytes(StandardCharsets.US_ASCII), named, concat(named, ONE),
        };
        for (int i = 0; i < cases.length; i++) {
            assertSame(cases[i], "case " + i);
        }
        assertArrayEquals(concat("{\"centers\":[{\"center_id\":1,\"name\":\"PHC\"}]}".getBytes(StandardCharsets.UTF_8),
                "{\"sessions\":[]}".getBytes(StandardCharsets.UTF_8)), Gunzip.inflate(concat(ONE, TWO), 1024));
        assertThrows(IOException.class, () -> Gunzip.inflate(badSize, 1024));
    }

    @Test
    void inflate_mutatedBodies_asJwarc() throws Exception {
        Random random = new Random(14);
        byte[] base = concat(gzip("{\"centers\":" + "[{\"center_id\":12,\"sessions\":[]}]".repeat(40) + "}"), TWO);
        for (int i = 0; i < 2_000; i++) {
            byte[] b = base.clone();
            switch (i % 3) {
                case 0 -> b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                case 1 -> b = Arrays.copyOf(b, random.nextInt(b.length));
                default -> b = concat(b, Arrays.copyOf(base, random.nextInt(base.length)));
            }
            assertSame(b, "mutation " + i);
        }
    }

    @Test
    void inflate_pastTheCap_cutAtCapPlusOne() throws Exception {
        byte[] big = gzip("x".repeat(100_000));
        assertEquals(1_001, Gunzip.inflate(big, 1_000).length);
        assertEquals(100_000, Gunzip.inflate(big, 100_000).length);
    }

    private static void assertSame(byte[] body, String what) throws IOException {
        byte[] expected;
        try {
            expected = jwarc(body);
        } catch (IOException | RuntimeException e) {
            assertThrows(IOException.class, () -> Gunzip.inflate(body, 1 << 20), what + ": jwarc refused it (" + e + ")");
            return;
        }
        assertArrayEquals(expected, Gunzip.inflate(body, 1 << 20), what);
    }

    private static byte[] jwarc(byte[] body) throws IOException {
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: " + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        HttpResponse r = HttpResponse.parse(Channels.newChannel(new ByteArrayInputStream(concat(head, body))));
        return r.bodyDecoded().stream().readAllBytes();
    }

    /** The member with the FNAME flag and a file name in its header. */
    private static byte[] withName(byte[] member, String name) {
        byte[] n = (name + "\0").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[member.length + n.length];
        System.arraycopy(member, 0, out, 0, 10);
        out[3] |= 8;
        System.arraycopy(n, 0, out, 10, n.length);
        System.arraycopy(member, 10, out, 10 + n.length, member.length - 10);
        return out;
    }

    private static byte[] gzip(String s) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(b)) {
            g.write(s.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return b.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
