package org.vaxslots.simulator;

/**
 * Deterministic 64-bit mixing (SplitMix64 finalizer). Every random-looking choice in the
 * simulator is a pure function of the seed and named inputs, so the same seed and simulated
 * instant always give the same bytes, whatever order requests arrive in.
 */
final class Mix {
    private Mix() {
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static long of(long a, long b) {
        return mix(mix(a + 0x9e3779b97f4a7c15L) ^ b);
    }

    static long of(long a, long b, long c) {
        return mix(of(a, b) ^ (c * 0x9e3779b97f4a7c15L));
    }

    static long of(long a, long b, long c, long d) {
        return mix(of(a, b, c) ^ (d * 0xc2b2ae3d27d4eb4fL));
    }

    /** Uniform in [0, 1). */
    static double unit(long h) {
        return (h >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [0, bound). */
    static int below(long h, int bound) {
        return (int) Math.floorMod(h, (long) bound);
    }
}
