package org.vaxslots.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What personal data looks like in a cell: an Indian mobile number, a 12-digit Aadhaar-like
 * number, a 13- or 14-digit Co-WIN beneficiary reference id, an email address. Digits count only
 * as a whole run (a 6-digit pincode or a 7-digit center id never matches), and what is random by
 * construction or a number with a fraction is removed first: UUIDs and hex digests, whose digit
 * runs would otherwise look like numbers by chance, and decimals such as a capacity sent as
 * {@code 50.00000000000001}, whose fraction is 14 digits.
 */
public final class PersonalPatterns {
    /** A kind of personal data and how it is recognised. */
    public record Kind(String name, Pattern pattern) {}

    /** Where a kind was seen in a text: characters {@code start} (inclusive) to {@code end}. */
    public record Span(Kind kind, int start, int end) {}

    public static final Kind EMAIL = new Kind("email address",
            Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}"));
    public static final Kind PHONE = new Kind("phone number",
            Pattern.compile("(?<![0-9])(\\+91[ -]?|0)?[6-9][0-9]{4}[ -]?[0-9]{5}(?![0-9])"));
    public static final Kind AADHAAR = new Kind("Aadhaar-like number",
            Pattern.compile("(?<![0-9])[2-9][0-9]{3}[ -]?[0-9]{4}[ -]?[0-9]{4}(?![0-9])"));
    public static final Kind BENEFICIARY_ID = new Kind("beneficiary reference id",
            Pattern.compile("(?<![0-9])[0-9]{13,14}(?![0-9])"));

    public static final List<Kind> KINDS = List.of(EMAIL, PHONE, AADHAAR, BENEFICIARY_ID);

    /**
     * UUIDs, weak entity tags ({@code W/"…"}: a cache validator, whose hex part is all digits
     * about once in 1,800 tags), hex strings of 16 or more characters with at least one letter
     * (digests, record ids), and decimal numbers with a fraction.
     */
    private static final Pattern NOT_PERSONAL = Pattern.compile(
            "(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|W/\"[0-9a-f-]*\""
                    + "|(?<![0-9a-z])(?=[0-9a-f]*[a-f])[0-9a-f]{16,}(?![0-9a-z])"
                    + "|(?<![0-9.])[0-9]+\\.[0-9]+(e[-+]?[0-9]+)?(?![0-9])");

    /** The fewest digits any kind but an email address needs (a mobile number has 10). */
    private static final int MIN_DIGITS = 10;

    private PersonalPatterns() {}

    /** The first kind of personal data the value looks like, if any. */
    public static Optional<Kind> match(String value) {
        List<Span> spans = find(value);
        return spans.isEmpty() ? Optional.empty() : Optional.of(spans.get(0).kind());
    }

    /**
     * Every place in {@code text} that looks personal, by kind in {@link #KINDS} order, then by
     * position; a place is claimed by the first kind that matches it.
     */
    public static List<Span> find(String text) {
        if (text == null || text.length() < 6 || !worthLooking(text)) {
            return List.of();
        }
        StringBuilder blanked = new StringBuilder(text);
        Matcher ids = NOT_PERSONAL.matcher(text);
        while (ids.find()) {
            for (int i = ids.start(); i < ids.end(); i++) {
                blanked.setCharAt(i, ' ');
            }
        }
        List<Span> spans = new ArrayList<>();
        for (Kind k : KINDS) {
            Matcher m = k.pattern().matcher(blanked);
            while (m.find()) {
                spans.add(new Span(k, m.start(), m.end()));
                for (int i = m.start(); i < m.end(); i++) {
                    blanked.setCharAt(i, ' ');
                }
            }
        }
        return spans;
    }

    /**
     * A cheap first look: an '@', or a chain of at least {@link #MIN_DIGITS} digits in runs joined
     * by single spaces or dashes (every number kind is one: "9876543210", "98765 43210",
     * "2345-6789-0123"). A timestamp or a UUID is not one, and most cells stop here.
     */
    private static boolean worthLooking(String text) {
        int chain = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++chain >= MIN_DIGITS) {
                    return true;
                }
            } else if (c == '@') {
                return true;
            } else if ((c == ' ' || c == '-') && chain > 0 && i + 1 < n && text.charAt(i + 1) >= '0' && text.charAt(i + 1) <= '9') {
                continue;
            } else {
                chain = 0;
            }
        }
        return false;
    }
}
