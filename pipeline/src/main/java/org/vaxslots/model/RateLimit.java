package org.vaxslots.model;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** At most {@code calls} admitted requests per client address in any sliding {@code window}. */
public record RateLimit(int calls, Duration window) {
    private static final Pattern FORM = Pattern.compile("(\\d+)/(\\d*)(ms|s|m|h)");

    public RateLimit {
        Objects.requireNonNull(window, "window");
        if (calls < 1) {
            throw new IllegalArgumentException("rate limit calls must be >= 1, got " + calls);
        }
        if (window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("rate limit window must be positive, got " + window);
        }
    }

    /** The documented Co-WIN limit: 100 calls per 5 minutes per IP. */
    public static RateLimit coWinDefault() {
        return new RateLimit(100, Duration.ofMinutes(5));
    }

    /** Parses {@code N/DURATION}: "100/5m", "20/10s", "1000/1h", "5/500ms", "60/m" (count 1 implied). */
    public static RateLimit parse(String s) {
        Matcher m = FORM.matcher(s == null ? "" : s.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("invalid rate limit '" + s
                    + "': expected N/DURATION such as 100/5m, 20/10s or 1000/1h (units ms, s, m, h)");
        }
        try {
            int calls = Integer.parseInt(m.group(1));
            long amount = m.group(2).isEmpty() ? 1 : Long.parseLong(m.group(2));
            return new RateLimit(calls, Durations.of(amount, m.group(3)));
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("invalid rate limit '" + s + "': number out of range", e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid rate limit '" + s + "': " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return calls + "/" + Durations.format(window);
    }
}
