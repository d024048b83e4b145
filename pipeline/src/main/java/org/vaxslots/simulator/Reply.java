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

}
