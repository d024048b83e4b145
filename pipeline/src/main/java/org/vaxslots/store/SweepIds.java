package org.vaxslots.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Sweep ids become directory names, so only a safe alphabet is accepted. */
public final class SweepIds {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private SweepIds() {}

    public static boolean isValid(String sweepId) {
        return SafeNames.isValid(sweepId);
    }

    public static String requireValid(String sweepId) {
        return SafeNames.requireValid("sweep id", sweepId);
    }

    /** A default id from a prefix and an instant, e.g. import-20260101T120000Z. */
    public static String of(String prefix, Instant at) {
        return prefix + "-" + STAMP.format(at);
    }
}
