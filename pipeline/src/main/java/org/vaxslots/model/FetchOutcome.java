package org.vaxslots.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * How one HTTP attempt ended, so "no slots" ({@link #EMPTY}) is never confused with "no data"
 * (every outcome that is not {@link #isCaptured() captured}). The words are those of
 * {@code fetches.outcome} and of the crawler's {@code Vaxslots-Outcome} WARC header
 * ({@code raw/RawHeaders#OUTCOME}), a contract: they never change.
 *
 * <p>Two readers judge a 2xx body, and they may disagree:
 * <ul>
 *   <li>the crawler, as it fetches ({@code snapshot/Bodies}), writes the raw header: its
 *       {@link #INVALID_BODY} means <em>not one whole JSON document</em> (cut short, garbage, a
 *       gzip body that does not inflate); any whole document is {@link #OK} or {@link #EMPTY};
 *   <li>normalize ({@code parse/ParsedResponse#outcome}) writes {@code fetches.outcome}: its
 *       {@link #INVALID_BODY} also covers a whole document of <em>unknown shape</em>, one with none
 *       of centers, sessions, states or districts, such as an API error {@code {"errorCode":…}}.
 * </ul>
 * So a 200 {@code {"errorCode":"APPOIN0018"}} is captured for the crawler (a resumed sweep does not
 * fetch it again, a 304 may repeat it) and {@code invalid_body} in {@code fetches}. Both judges use
 * the one definition of captured below.
 *
 * <p>Declared best first: the order in which
 * {@code notebooks-sql/intermediate/int_district_fetches_classified.sql} ranks the fetches of a
 * district in a sweep ({@code FetchOutcomeTest} fails when the two part).
 */
public enum FetchOutcome {
    /** Whole JSON (crawler) or a known shape (normalize) that lists something. */
    OK("ok"),
    /** Answered with nothing listed, such as {@code {"centers":[]}}: no slots, not no data. */
    EMPTY("empty"),
    /** 403 (CloudFront's HTML page) or 429: the rate limit, not data. */
    THROTTLED("throttled"),
    /** Any other status outside 2xx, redirects included (they are never followed). */
    HTTP_ERROR("http_error"),
    /** No answer came: a timeout, a reset, a refused connection (a WARC metadata record). */
    NETWORK_ERROR("network_error"),
    /** A 2xx whose body cannot be used: see the class comment for what each judge means by it. */
    INVALID_BODY("invalid_body");

    private final String word;

    FetchOutcome(String word) {
        this.word = word;
    }

    /** The word in {@code fetches.outcome} and in the raw header. */
    public String word() {
        return word;
    }

    /** Whether the attempt got an answer worth keeping: {@link #OK} or {@link #EMPTY}. */
    public boolean isCaptured() {
        return this == OK || this == EMPTY;
    }

    public static Optional<FetchOutcome> ofWord(String word) {
        return Arrays.stream(values()).filter(o -> o.word.equals(word)).findFirst();
    }

    /** Whether a raw header's outcome word (null when the record has none) names a captured answer. */
    public static boolean isCaptured(String word) {
        return ofWord(word).map(FetchOutcome::isCaptured).orElse(false);
    }

    /**
     * The outcome an HTTP status decides by itself; none for a 2xx, whose body decides.
     *
     * @param status the response status, or null when no response came
     */
    public static Optional<FetchOutcome> ofStatus(Integer status) {
        if (status == null) {
            return Optional.of(NETWORK_ERROR);
        }
        if (status == 403 || status == 429) {
            return Optional.of(THROTTLED);
        }
        return status >= 200 && status < 300 ? Optional.empty() : Optional.of(HTTP_ERROR);
    }
}
