package org.vaxslots.normalize;

import org.vaxslots.parse.ParsedResponse;

/** The outcome words of the fetches table, so "no slots" is never confused with "no data". */
final class Outcome {
    static final String OK = "ok";
    static final String EMPTY = "empty";
    static final String THROTTLED = "throttled";
    static final String HTTP_ERROR = "http_error";
    static final String NETWORK_ERROR = "network_error";
    static final String INVALID_BODY = "invalid_body";

    private Outcome() {}

    static String of(ParsedResponse parsed) {
        if (!parsed.bodyValid()) {
            return INVALID_BODY;
        }
        boolean nothing = parsed.centers().isEmpty() && parsed.sessions().isEmpty() && parsed.listedCount() == 0
                && parsed.problems().isEmpty();
        return nothing ? EMPTY : OK;
    }
}
