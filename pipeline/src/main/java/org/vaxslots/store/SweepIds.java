package org.vaxslots.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/** Sweep ids become directory names, so only a safe alphabet is accepted. */
public final class SweepIds {
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private SweepIds() {}

    public static boolean isValid(String sweepId) {
        return sweepId != null && VALID.matcher(sweepId).matches() && !sweepId.contains("..");
    }

    public static String requireValid(String sweepId) {
        if (!isValid(sweepId)) {
            throw new IllegalArgumentException("invalid sweep id '" + sweepId
                    + "': use 1-128 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return sweepId;
    }

    /** A default id from a prefix and an instant, e.g. import-20260101T120000Z. */
    public static String of(String prefix, Instant at) {
        return prefix + "-" + STAMP.format(at);
    }
}
