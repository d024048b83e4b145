package org.vaxslots.audit;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What personal data looks like in a cell: an Indian mobile number, a 12-digit Aadhaar-like
 * number, a 13- or 14-digit Co-WIN beneficiary reference id, an email address. Digits count only
 * as a whole run (a 6-digit pincode or a 7-digit center id never matches), and identifiers that
 * are random by construction (UUIDs, hex digests) are removed first, since their digit runs
 * would otherwise look like numbers by chance.
 */
public final class PersonalPatterns {
    /** A kind of personal data and how it is recognised. */
    public record Kind(String name, Pattern pattern) {}

    public static final List<Kind> KINDS = List.of(
            new Kind("email address", Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}")),
            new Kind("phone number", Pattern.compile("(?<![0-9])(\\+91[ -]?|0)?[6-9][0-9]{4}[ -]?[0-9]{5}(?![0-9])")),
            new Kind("Aadhaar-like number", Pattern.compile("(?<![0-9])[2-9][0-9]{3}[ -]?[0-9]{4}[ -]?[0-9]{4}(?![0-9])")),
            new Kind("beneficiary reference id", Pattern.compile("(?<![0-9])[0-9]{13,14}(?![0-9])")));

    /**
     * UUIDs, weak entity tags ({@code W/"…"}: a cache validator, whose hex part is all digits
     * about once in 1,800 tags), and hex strings of 16 or more characters with at least one letter
     * (digests, record ids).
     */
    private static final Pattern RANDOM_IDS = Pattern.compile(
            "(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|W/\"[0-9a-f-]*\""
                    + "|(?<![0-9a-z])(?=[0-9a-f]*[a-f])[0-9a-f]{16,}(?![0-9a-z])");

    private PersonalPatterns() {}

    /** The first kind of personal data the value looks like, if any. */
    public static Optional<Kind> match(String value) {
        if (value == null || value.length() < 6) {
            return Optional.empty();
        }
        String text = RANDOM_IDS.matcher(value).replaceAll(" ");
        for (Kind k : KINDS) {
            if (k.pattern().matcher(text).find()) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
