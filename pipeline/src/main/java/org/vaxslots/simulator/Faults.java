package org.vaxslots.simulator;

import org.vaxslots.model.Durations;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Fault injection rates, each the fraction of {@code /api} requests that get the fault.
 *
 * <p>Grammar of {@link #parse(String)}:
 * <pre>
 *   spec     := "" | "none" | knob ( "," knob )*
 *   knob     := "latency=" rate ":" duration [ "-" duration ]     (uniform delay in [min, max])
 *             | name "=" rate
 *   name     := http500 | http502 | http503 | reset | truncated | invalid_json | empty | drift
 *   rate     := decimal in [0, 1], e.g. 0.05
 *   duration := integer ( ms | s | m | h ), e.g. 50ms
 * </pre>
 * Example: {@code latency=0.1:50ms-200ms,http500=0.05,reset=0.01,truncated=0.01,invalid_json=0.01,empty=0.02,drift=0.01}.
 *
 * <p>Latency is drawn independently and can combine with any other outcome. The other knobs are
 * mutually exclusive per request (one uniform draw cut into consecutive ranges in the order
 * listed in {@link Kind}), so each occurs at exactly its rate and their sum must be at most 1.
 */
public record Faults(double latencyRate, Duration latencyMin, Duration latencyMax, Map<Kind, Double> rates) {

    /** Exclusive faults, in the order their probability ranges are laid out. */
    public enum Kind {
        RESET("reset"), HTTP500("http500"), HTTP502("http502"), HTTP503("http503"),
        TRUNCATED("truncated"), INVALID_JSON("invalid_json"), EMPTY("empty"), DRIFT("drift");

        private final String spec;

        Kind(String spec) {
            this.spec = spec;
        }

        public String spec() {
            return spec;
        }
    }

    public Faults {
        Objects.requireNonNull(latencyMin, "latencyMin");
        Objects.requireNonNull(latencyMax, "latencyMax");
        checkRate("latency", latencyRate);
        if (latencyMax.compareTo(latencyMin) < 0) {
            throw new IllegalArgumentException("latency max " + latencyMax + " is below min " + latencyMin);
        }
        Map<Kind, Double> copy = new LinkedHashMap<>();
        double sum = 0;
        for (Kind k : Kind.values()) {
            double r = rates.getOrDefault(k, 0.0);
            checkRate(k.spec(), r);
            copy.put(k, r);
            sum += r;
        }
        if (sum > 1.0 + 1e-9) {
            throw new IllegalArgumentException("fault rates other than latency sum to " + sum + ", must be <= 1");
        }
        rates = Map.copyOf(copy);
    }

    public static Faults none() {
        return new Faults(0, Duration.ZERO, Duration.ZERO, Map.of());
    }

    public double rate(Kind kind) {
        return rates.get(kind);
    }

    public boolean isNone() {
        return latencyRate == 0 && rates.values().stream().allMatch(r -> r == 0);
    }

    public static Faults parse(String spec) {
        String s = spec == null ? "" : spec.trim();
        if (s.isEmpty() || s.equalsIgnoreCase("none")) {
            return none();
        }
        double latencyRate = 0;
        Duration min = Duration.ZERO;
        Duration max = Duration.ZERO;
        Map<Kind, Double> rates = new LinkedHashMap<>();
        for (String knob : s.split(",")) {
            String[] kv = knob.trim().split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("invalid fault knob '" + knob + "' in '" + spec
                        + "': expected name=rate, e.g. http500=0.05");
            }
            String name = kv[0].trim().toLowerCase(Locale.ROOT);
            String value = kv[1].trim();
            if (name.equals("latency")) {
                String[] parts = value.split(":", 2);
                if (parts.length != 2) {
                    throw new IllegalArgumentException("invalid latency knob '" + knob
                            + "': expected latency=RATE:MIN[-MAX], e.g. latency=0.1:50ms-200ms");
                }
                latencyRate = parseRate(name, parts[0]);
                String[] range = parts[1].split("-", 2);
                min = Durations.parse(range[0]);
                max = range.length == 2 ? Durations.parse(range[1]) : min;
                continue;
            }
            rates.put(kindNamed(name, spec), parseRate(name, value));
        }
        return new Faults(latencyRate, min, max, rates);
    }

    private static Kind kindNamed(String name, String spec) {
        for (Kind k : Kind.values()) {
            if (k.spec().equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown fault '" + name + "' in '" + spec
                + "': known are latency, http500, http502, http503, reset, truncated, invalid_json, empty, drift");
    }

    private static double parseRate(String name, String value) {
        try {
            double r = Double.parseDouble(value);
            checkRate(name, r);
            return r;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid rate '" + value + "' for fault " + name
                    + ": expected a decimal in [0, 1]", e);
        }
    }

    private static void checkRate(String name, double r) {
        if (!(r >= 0 && r <= 1)) {
            throw new IllegalArgumentException("fault " + name + " rate " + r + " is outside [0, 1]");
        }
    }
}
