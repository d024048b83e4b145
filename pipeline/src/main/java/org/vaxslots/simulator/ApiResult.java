package org.vaxslots.simulator;

import java.nio.charset.StandardCharsets;

/**
 * What the API layer answers before caching, limits and faults are applied.
 *
 * @param endpoint  the route name used in stats, e.g. "calendarByDistrict"; "unknown" for a 404
 * @param listKey   "centers" or "sessions" for availability bodies (the key an empty fault uses), else null
 */
record ApiResult(int status, String contentType, byte[] body, String endpoint, String listKey) {
    static final String JSON = "application/json; charset=utf-8";
    static final String TEXT = "text/plain; charset=utf-8";
    static final String HTML = "text/html";

    static ApiResult json(String endpoint, String listKey, byte[] body) {
        return new ApiResult(200, JSON, body, endpoint, listKey);
    }

    static ApiResult error(int status, String endpoint, String code, String message) {
        String body = "{\"errorCode\":\"" + code + "\",\"error\":\"" + message + "\"}";
        return new ApiResult(status, JSON, body.getBytes(StandardCharsets.UTF_8), endpoint, null);
    }

    static ApiResult missingParameter(String endpoint) {
        return error(400, endpoint, "USRRES0001", "Input parameter missing");
    }

    static ApiResult unauthenticated(String endpoint) {
        return new ApiResult(401, TEXT, "Unauthenticated access!".getBytes(StandardCharsets.UTF_8), endpoint, null);
    }

    boolean cacheable() {
        return status == 200;
    }
}
