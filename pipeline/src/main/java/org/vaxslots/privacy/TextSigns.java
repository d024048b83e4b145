package org.vaxslots.privacy;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.vaxslots.audit.PersonalPatterns;

/**
 * Signs of personal data or credentials in text of no known structure (a text body, a string
 * value, a header value, a table cell, a snippet), and the masking of each: a JWT, a bearer token,
 * {@code otp=} or {@code txnId=}, a personal JSON key with its value (as in a logged JSON
 * fragment), a {@code name} in a text that also has a {@code birth_year}, and the values
 * {@link PersonalPatterns} recognises. A value already masked ({@code <kind:length>}) is not a sign.
 */
final class TextSigns {
    static final String JWT_KIND = "JWT";
    static final String BEARER_KIND = "bearer token";
    static final String NAME_KIND = "key name beside birth_year";

    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*");
    /** Group 1 is the token. */
    private static final Pattern BEARER = Pattern.compile("(?i)(?<![A-Za-z0-9])bearer\\s+([A-Za-z0-9._~+/=-]{8,})");
    /** Group 1 is the parameter, group 2 its value. */
    private static final Pattern PARAM = Pattern.compile("(?i)(?<![A-Za-z0-9_])(otp|txn_?id)\\s*=\\s*([^\\s&\"',;<>][^\\s&\"',;<>]*)");
    /** Group 1 is the key, group 2 its value (a string with its quotes, a number or a literal). */
    private static final Pattern JSON_MEMBER = Pattern.compile(
            "\"([A-Za-z][A-Za-z0-9_ -]{0,40})\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\"?|-?[0-9][0-9.eE+-]*|true|false|\\[|\\{)");

    /** A sign: its kind as a finding names it, and the marker name of the value. */
    record Sign(String kind, String marker, int start, int end) {}

    private TextSigns() {}

    /** The first sign in the text, if any. */
    static Optional<Sign> first(String text) {
        if (text == null || text.length() < 3 || !mayHaveSign(text)) {
            return Optional.empty();
        }
        for (Finder finder : FINDERS) {
            Optional<Sign> s = finder.find(text, 0);
            if (s.isPresent()) {
                return s;
            }
        }
        return Optional.empty();
    }

    /**
     * False when the characters cannot hold any sign: fewer than 10 digits and no '@', '=', '"',
     * "eyJ" or "bearer". One pass, no String: most values of a large body stop here.
     */
    static boolean mayHaveSign(char[] b, int off, int len) {
        int digits = 0;
        for (int i = off, end = off + len; i < end; i++) {
            char c = b[i];
            if (c >= '0' && c <= '9') {
                if (++digits >= 10) {
                    return true;
                }
            } else if (c == '@' || c == '=' || c == '"') {
                return true;
            } else if (c == 'e' && i + 2 < end && b[i + 1] == 'y' && b[i + 2] == 'J') {
                return true;
            } else if ((c == 'b' || c == 'B') && i + 5 < end && (b[i + 1] | 0x20) == 'e' && (b[i + 2] | 0x20) == 'a'
                    && (b[i + 3] | 0x20) == 'r' && (b[i + 4] | 0x20) == 'e' && (b[i + 5] | 0x20) == 'r') {
                return true;
            }
        }
        return false;
    }

    static boolean mayHaveSign(String text) {
        int digits = 0;
        for (int i = 0, end = text.length(); i < end; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits >= 10) {
                    return true;
                }
            } else if (c == '@' || c == '=' || c == '"') {
                return true;
            } else if (c == 'e' && text.startsWith("yJ", i + 1)) {
                return true;
            } else if ((c == 'b' || c == 'B') && text.regionMatches(true, i + 1, "earer", 0, 5)) {
                return true;
            }
        }
        return false;
    }

    /** The text with every sign's value replaced by {@code <marker:length>}. */
    static String mask(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (Finder finder : FINDERS) {
            Optional<Sign> s = finder.find(out, 0);
            while (s.isPresent()) {
                Sign sign = s.get();
                int next = sign.end() + 1;
                if (sign.marker() != null) {
                    String marker = "<" + sign.marker() + ":" + (sign.end() - sign.start()) + ">";
                    out = out.substring(0, sign.start()) + marker + out.substring(sign.end());
                    next = sign.start() + marker.length();
                }
                s = next > out.length() ? Optional.empty() : finder.find(out, next);
            }
        }
        return out;
    }

    /** Finds the first sign of one kind that starts at or after {@code from}. */
    @FunctionalInterface
    private interface Finder {
        Optional<Sign> find(String text, int from);
    }

    private static final List<Finder> FINDERS = List.of(
            TextSigns::jwt, TextSigns::bearer, TextSigns::param, TextSigns::personalMember, TextSigns::nameBesideBirthYear,
            TextSigns::pattern);

    private static Optional<Sign> jwt(String text, int from) {
        if (text.indexOf("eyJ", from) < 0) {
            return Optional.empty();
        }
        Matcher m = JWT.matcher(text);
        return m.find(from) ? Optional.of(new Sign(JWT_KIND, "jwt", m.start(), m.end())) : Optional.empty();
    }

    private static Optional<Sign> bearer(String text, int from) {
        if (!containsIgnoreCase(text, "bearer")) {
            return Optional.empty();
        }
        Matcher m = BEARER.matcher(text);
        return m.find(from) ? Optional.of(new Sign(BEARER_KIND, "token", m.start(1), m.end(1))) : Optional.empty();
    }

    private static Optional<Sign> param(String text, int from) {
        if (text.indexOf('=', from) < 0) {
            return Optional.empty();
        }
        Matcher m = PARAM.matcher(text);
        if (!m.find(from)) {
            return Optional.empty();
        }
        boolean otp = m.group(1).equalsIgnoreCase("otp");
        return Optional.of(new Sign(otp ? "otp= in text" : "txnId= in text", otp ? "OTP" : "OTP transaction id",
                m.start(2), m.end(2)));
    }

    /**
     * A key whose value is personal, with a value that is not empty, null or already masked. (The
     * keys that only mark a protected shape, {@code beneficiaries} and {@code isNewAccount}, hold
     * nothing personal themselves: the JSON screen refuses them, a masked snippet may keep them.)
     */
    private static Optional<Sign> personalMember(String text, int from) {
        if (text.indexOf(':', from) < 0 || text.indexOf('"', from) < 0) {
            return Optional.empty();
        }
        Matcher m = JSON_MEMBER.matcher(text);
        m.region(from, text.length());
        m.useTransparentBounds(true);
        while (m.find()) {
            String marker = PersonalKeys.markerOf(PersonalKeys.normalize(m.group(1)));
            String value = m.group(2);
            if (marker != null && !value.equals("[") && !value.equals("{") && !masked(value)) {
                return Optional.of(valueSign("key " + PersonalKeys.printable(m.group(1)), marker, m));
            }
        }
        return Optional.empty();
    }

    /** A {@code "name"} member with a value not yet masked, in a text that also has a {@code "birth_year"}. */
    private static Optional<Sign> nameBesideBirthYear(String text, int from) {
        if (!text.contains("birth") || text.indexOf("\"name\"", from) < 0) {
            return Optional.empty();
        }
        boolean birthYear = false;
        Sign name = null;
        Matcher m = JSON_MEMBER.matcher(text);
        while (m.find()) {
            String key = PersonalKeys.normalize(m.group(1));
            if (key.equals(PersonalKeys.BIRTH_YEAR)) {
                birthYear = true;
            } else if (key.equals(PersonalKeys.NAME) && name == null && m.start() >= from && !masked(m.group(2))
                    && m.group(2).startsWith("\"")) {
                name = valueSign(NAME_KIND, "name", m);
            }
        }
        return birthYear && name != null ? Optional.of(name) : Optional.empty();
    }

    /** The sign of a member's value: inside the quotes of a string, so that masking keeps them. */
    private static Sign valueSign(String kind, String marker, Matcher m) {
        String v = m.group(2);
        int start = m.start(2);
        int end = m.end(2);
        if (v.startsWith("\"")) {
            start++;
            if (v.length() >= 2 && v.endsWith("\"")) {
                end--;
            }
        }
        return new Sign(kind, marker, start, end);
    }

    private static Optional<Sign> pattern(String text, int from) {
        PersonalPatterns.Span best = null;
        for (PersonalPatterns.Span s : PersonalPatterns.find(text)) {
            if (s.start() >= from && (best == null || s.start() < best.start())) {
                best = s;
            }
        }
        return best == null ? Optional.empty() : Optional.of(new Sign(best.kind().name(), best.kind().name(), best.start(), best.end()));
    }

    /** A JSON value that is empty, null or false, or a marker: nothing personal left in it. */
    private static boolean masked(String value) {
        return value.equals("\"\"") || value.equals("\"") || value.equals("false") || value.startsWith("\"<") || value.equals("\"null\"");
    }

    private static boolean containsIgnoreCase(String text, String word) {
        int n = word.length();
        for (int i = 0; i + n <= text.length(); i++) {
            if (text.regionMatches(true, i, word, 0, n)) {
                return true;
            }
        }
        return false;
    }
}
