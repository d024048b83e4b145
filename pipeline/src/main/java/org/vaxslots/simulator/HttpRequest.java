package org.vaxslots.simulator;

import java.util.Map;

/**
 * One parsed HTTP/1.1 request.
 *
 * @param headers  lower-cased names; the last value wins
 * @param rawQuery the query string exactly as sent (the cache key), "" if none
 */
record HttpRequest(String method, String path, String rawQuery, String version, Map<String, String> headers,
                   String clientAddress) {

    String header(String lowerName) {
        return headers.get(lowerName);
    }

    boolean keepAlive() {
        String c = headers.get("connection");
        if (version.equals("HTTP/1.0")) {
            return c != null && c.equalsIgnoreCase("keep-alive");
        }
        return c == null || !c.toLowerCase(java.util.Locale.ROOT).contains("close");
    }
}
