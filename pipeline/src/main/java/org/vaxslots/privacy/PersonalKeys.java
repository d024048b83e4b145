package org.vaxslots.privacy;

import java.util.Map;
import org.vaxslots.audit.PersonalPatterns;

/**
 * The JSON keys that only the protected Co-WIN API (spec v2.1.0, 3 May 2021) or a booking bot's
 * own records carry, each with the marker name its value gets in a masked snippet. Keys are
 * compared without case, underscores or dashes ({@code txnId}, {@code txn_id} and {@code TXNID}
 * are one key), so a bot's re-spelling does not slip through.
 */
final class PersonalKeys {
    /** Normalized key → marker name of its value. */
    private static final Map<String, String> KEYS = Map.ofEntries(
            Map.entry("beneficiaryreferenceid", "beneficiary reference id"),
            Map.entry("mobile", "phone number"),
            Map.entry("mobilenumber", "phone number"),
            Map.entry("phone", "phone number"),
            Map.entry("phonenumber", "phone number"),
            Map.entry("email", "email address"),
            Map.entry("aadhaar", "ID number"),
            Map.entry("aadhaarnumber", "ID number"),
            Map.entry("photoidnumber", "ID number"),
            Map.entry("txnid", "OTP transaction id"),
            Map.entry("otp", "OTP"),
            Map.entry("token", "token"),
            Map.entry("appointmentid", "appointment id"),
            Map.entry("appointmentconfirmationno", "appointment confirmation number"),
            Map.entry("authorization", "token"),
            Map.entry("password", "token"),
            Map.entry("apikey", "token"));

    /** Keys that mark a protected response's shape (refused even when their value is empty). */
    static final String BENEFICIARIES = "beneficiaries";
    static final String IS_NEW_ACCOUNT = "isnewaccount";
    static final String NAME = "name";
    static final String BIRTH_YEAR = "birthyear";

    private PersonalKeys() {}

    static String normalize(String key) {
        StringBuilder sb = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c != '_' && c != '-' && c != ' ') {
                sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    /** The marker name for the value of a personal key ({@code null} for a key that is not one). */
    static String markerOf(String normalizedKey) {
        String m = KEYS.get(normalizedKey);
        if (m == null && normalizedKey.endsWith("token")) {
            return "token";
        }
        return m;
    }

    static boolean isPersonal(String normalizedKey) {
        return markerOf(normalizedKey) != null || normalizedKey.equals(BENEFICIARIES) || normalizedKey.equals(IS_NEW_ACCOUNT);
    }

    /** The protected endpoint a top-level key identifies, in words, or null. */
    static String protectedResponse(String normalizedKey) {
        return switch (normalizedKey) {
            case "txnid" -> "protected API response (OTP transaction, /v2/auth/generateMobileOTP)";
            case "token", IS_NEW_ACCOUNT -> "protected API response (login token, /v2/auth/validateMobileOtp)";
            case BENEFICIARIES -> "protected API response (beneficiary list, /v2/appointment/beneficiaries)";
            case "appointmentconfirmationno", "appointmentid" ->
                    "protected API response (appointment confirmation, /v2/appointment/schedule)";
            default -> null;
        };
    }

    /** How a key is printed in a finding's place: as it is when it is a plain identifier, else a marker. */
    static String printable(String key) {
        if (key.length() <= 64 && key.matches("[A-Za-z_][A-Za-z0-9_.-]*")
                && PersonalPatterns.find(key).isEmpty()) {
            return key;
        }
        return "<key:" + key.length() + ">";
    }
}
