package org.vaxslots.parse;

/**
 * The kinds of failure a rejects row can have: {@code rejects.reason_code}, stable so rejects can
 * be counted by kind across versions. A code is never renamed or reused for another meaning; a new
 * kind of failure gets a new code, documented with these words in data-schema/tables/rejects.avsc
 * and data-schema/dictionary.csv (RejectReasonTest checks both).
 */
public enum RejectReason {
    EMPTY_BODY("empty_body", "the response body has no bytes"),
    BODY_TOO_LARGE("body_too_large", "the body is over the size cap and was not parsed"),
    HTML_BODY("html_body", "the body is an HTML page (a CloudFront block or error page), not JSON"),
    NOT_JSON("not_json", "the body is not one valid JSON value (bad syntax or encoding, cut off, too deeply nested, or followed by more content)"),
    API_ERROR("api_error", "the body is a Co-WIN error answer (errorCode, error)"),
    UNKNOWN_SHAPE("unknown_shape", "valid JSON, but not a known response shape (no centers, sessions, states or districts of the expected type)"),
    NOT_AN_OBJECT("not_an_object", "a center, session or session row is not a JSON object"),
    MISSING_FIELD("missing_field", "a field a row cannot exist without is absent or null"),
    BAD_TYPE("bad_type", "a field's value cannot be read as its column's type (e.g. text where a number is expected)"),
    IMPLAUSIBLE_VALUE("implausible_value", "a count beyond what one session can hold, or a number out of its column's range"),
    BAD_DATE("bad_date", "a session date that is not a calendar day in dd-MM-yyyy"),
    EMPTY_ID("empty_id", "an empty session_id"),
    DUPLICATE_ID("duplicate_id", "a center_id or session_id that appears twice in one response"),
    DAMAGED_WARC("damaged_warc", "the raw WARC file cannot be read from this offset on"),
    UNRESOLVED_REVISIT("unresolved_revisit", "a not-modified (304) answer whose earlier capture cannot be found");

    private final String code;
    private final String meaning;

    RejectReason(String code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    /** The value written to {@code rejects.reason_code}. */
    public String code() {
        return code;
    }

    /** What the code means, as documented in data-schema. */
    public String meaning() {
        return meaning;
    }
}
