package org.vaxslots.privacy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.vaxslots.audit.PersonalPatterns;

/**
 * The one screen for personal data, shared by import (what may enter raw/), normalize (what a
 * rejects snippet may keep) and audit (what is kept or published). A {@link Finding} names the
 * kind of data and where it was seen, never the value, so it can be printed.
 */
public final class PersonalDataScreen {
    /** What was seen (e.g. "key mobile_number", "JWT") and where (e.g. "$.beneficiaries[0]", "header Authorization"). */
    public record Finding(String kind, String where) {
        public String describe() {
            return kind + (where == null || where.isEmpty() ? "" : " at " + where);
        }
    }

    private static final List<String> PERSONAL_KEYS = List.of("beneficiary_reference_id", "mobile_number", "mobile",
            "photo_id_number", "txnId", "token", "otp", "appointment_id", "appointment_confirmation_no");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    private PersonalDataScreen() {}

    /** The first sign of personal data in a response body, if any. */
    public static Optional<Finding> body(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        for (String key : PERSONAL_KEYS) {
            if (text.contains("\"" + key + "\"")) {
                return Optional.of(new Finding("key " + key, "$"));
            }
        }
        if (JWT.matcher(text).find()) {
            return Optional.of(new Finding("JWT", "$"));
        }
        return Optional.empty();
    }

    /** The first sign of credentials or personal data in a recorded request, if any. */
    public static Optional<Finding> request(String uri, Map<String, List<String>> headers) {
        for (String name : headers.keySet()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("authorization") || lower.equals("cookie")) {
                return Optional.of(new Finding("credential header", "header " + name));
            }
        }
        return Optional.empty();
    }

    /** The snippet with every value that looks personal replaced by a marker of its kind and length. */
    public static String maskSnippet(String snippet) {
        if (snippet == null || PersonalPatterns.match(snippet).isEmpty()) {
            return snippet;
        }
        return "<personal data removed:" + snippet.length() + ">";
    }
}
