package org.vaxslots.simulator;

import java.util.List;

/**
 * What the connection writes back, including the transport faults it must enact.
 *
 * @param headers        extra headers beyond status line, Content-Length and Connection
 * @param transport      NORMAL; RESET = abort the connection with a TCP RST before any byte;
 *                       TRUNCATE = promise the full Content-Length, send half the body, close
 * @param latencyMillis  delay before answering
 */
record Reply(int status, List<Header> headers, byte[] body, Transport transport, long latencyMillis) {
    enum Transport { NORMAL, RESET, TRUNCATE }

    record Header(String name, String value) {
    }

    static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }
}
