package org.vaxslots.testing;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded random mutations of real inputs, the bounded fuzzing that runs in every test run
 * (Jazzer's coverage-guided fuzzing needs JAZZER_FUZZ=1: scripts/fuzz). Iterations:
 * {@code -Dvaxslots.fuzz.iterations=N} (default 2000); seed {@code -Dvaxslots.fuzz.seed=S}.
 */
public final class Mutations {
    public static final int ITERATIONS = Integer.getInteger("vaxslots.fuzz.iterations", 2000);
    public static final long SEED = Long.getLong("vaxslots.fuzz.seed", 20210501L);
    private static final byte[] INTERESTING = {0, -1, '"', '{', '}', '[', ']', ',', ':', '\\', '-', '0', '9', 'e', '\n', (byte) 0xc3,
        0x1f, (byte) 0x8b};

    private Mutations() {}

    /** One to four mutations of {@code in}: bit flips, interesting bytes, insertions, deletions, cuts, duplications. */
    public static byte[] mutate(byte[] in, SplittableRandom r) {
        byte[] b = in.clone();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            if (b.length == 0) {
                b = new byte[] {INTERESTING[r.nextInt(INTERESTING.length)]};
                continue;
            }
            int at = r.nextInt(b.length);
            switch (r.nextInt(6)) {
                case 0 -> b[at] ^= (byte) (1 << r.nextInt(8));
                case 1 -> b[at] = INTERESTING[r.nextInt(INTERESTING.length)];
                case 2 -> {
                    byte[] out = new byte[b.length + 1];
                    System.arraycopy(b, 0, out, 0, at);
                    out[at] = INTERESTING[r.nextInt(INTERESTING.length)];
                    System.arraycopy(b, at, out, at + 1, b.length - at);
                    b = out;
                }
                case 3 -> {
                    int len = Math.min(b.length - at, 1 + r.nextInt(16));
                    byte[] out = new byte[b.length - len];
                    System.arraycopy(b, 0, out, 0, at);
                    System.arraycopy(b, at + len, out, at, b.length - at - len);
                    b = out;
                }
                case 4 -> b = Arrays.copyOf(b, at);
                default -> {
                    int len = Math.min(b.length - at, 1 + r.nextInt(64));
                    byte[] out = new byte[b.length + len];
                    System.arraycopy(b, 0, out, 0, at + len);
                    System.arraycopy(b, at, out, at + len, b.length - at);
                    b = out;
                }
            }
        }
        return b;
    }
}
