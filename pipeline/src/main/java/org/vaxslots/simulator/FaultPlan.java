package org.vaxslots.simulator;

/**
 * The faults drawn for one request: an optional exclusive fault and a latency in milliseconds.
 *
 * @param kind       null when no exclusive fault
 */
record FaultPlan(Faults.Kind kind, long latencyMillis, long draw) {
    static final FaultPlan NONE = new FaultPlan(null, 0, 0);

    /** Draws the plan for the {@code n}-th /api request; a pure function of seed, n and the rates. */
    static FaultPlan draw(Faults f, long seed, long n) {
        if (f.isNone()) {
            return NONE;
        }
        long latency = 0;
        if (Mix.unit(Mix.of(seed, n, 0x1a7e)) < f.latencyRate()) {
            long min = f.latencyMin().toMillis();
            long span = f.latencyMax().toMillis() - min;
            latency = min + (long) Math.floor(Mix.unit(Mix.of(seed, n, 0x1a7f)) * (span + 1));
        }
        double u = Mix.unit(Mix.of(seed, n, 0xfa17));
        double edge = 0;
        for (Faults.Kind k : Faults.Kind.values()) {
            edge += f.rate(k);
            if (u < edge) {
                return new FaultPlan(k, latency, Mix.of(seed, n, 0xd21f));
            }
        }
        return new FaultPlan(null, latency, 0);
    }
}
