package org.vaxslots.simulator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A response body being written: StringBuilder's appends, but straight into UTF-8 bytes, so a
 * 40-90 KB body is not built as a String, copied out of it and then encoded (those copies were 40%
 * of the simulator's time in a national sweep). The bytes are exactly those of
 * {@code sb.toString().getBytes(UTF_8)} for the same appends.
 */
final class JsonBytes {
    private byte[] bytes;
    private int size;

    JsonBytes(int capacity) {
        bytes = new byte[Math.max(16, capacity)];
    }

    JsonBytes append(String s) {
        return append(s, 0, s.length());
    }

    /** {@code s} from {@code start} to {@code end}; non-ASCII runs are encoded by the JDK, whole, so surrogate pairs are never split. */
    JsonBytes append(String s, int start, int end) {
        room(end - start);
        int i = start;
        while (i < end) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes[size++] = (byte) c;
                i++;
                continue;
            }
            int runEnd = i;
            while (runEnd < end && s.charAt(runEnd) >= 0x80) {
                runEnd++;
            }
            byte[] encoded = s.substring(i, runEnd).getBytes(StandardCharsets.UTF_8);
            room(encoded.length + end - runEnd);
            System.arraycopy(encoded, 0, bytes, size, encoded.length);
            size += encoded.length;
            i = runEnd;
        }
        return this;
    }

    /** A character below U+0080 (the writer appends only JSON punctuation this way). */
    JsonBytes append(char c) {
        if (c >= 0x80) {
            return append(String.valueOf(c));
        }
        room(1);
        bytes[size++] = (byte) c;
        return this;
    }

    JsonBytes append(int v) {
        return append((long) v);
    }

    JsonBytes append(long v) {
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                return append(Long.toString(v));
            }
            append('-');
            v = -v;
        }
        room(19);
        int start = size;
        do {
            bytes[size++] = (byte) ('0' + v % 10);
            v /= 10;
        } while (v > 0);
        for (int i = start, j = size - 1; i < j; i++, j--) {
            byte t = bytes[i];
            bytes[i] = bytes[j];
            bytes[j] = t;
        }
        return this;
    }

    /**
     * The shortest decimal that reads back as {@code v}, in plain notation, as JavaScript's
     * {@code String(v)} and Python's {@code repr} print it for such values ({@code 100.7 - 100} is
     * {@code 0.7000000000000028}); the same text on every JDK, unlike {@code Double.toString} before 19.
     */
    JsonBytes appendShortest(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("JSON has no number for " + v);
        }
        BigDecimal exact = new BigDecimal(v);
        BigDecimal rounded;
        int digits = 1;
        do {
            // Ends by 17 significant digits, which read back as any double.
            rounded = exact.round(new MathContext(digits++, RoundingMode.HALF_EVEN));
        } while (rounded.doubleValue() != v);
        return append(rounded.stripTrailingZeros().toPlainString());
    }

    JsonBytes append(boolean v) {
        return append(v ? "true" : "false");
    }

    byte[] toBytes() {
        return Arrays.copyOf(bytes, size);
    }

    private void room(int n) {
        if (bytes.length - size < n) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + n));
        }
    }
}
