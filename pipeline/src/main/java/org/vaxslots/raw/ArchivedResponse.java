package org.vaxslots.raw;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * One response read back from the raw archive: a {@code resource} record (an imported file) or a
 * {@code response} record (an HTTP capture). {@code httpStatus} and the server headers are null
 * for resources.
 */
public record ArchivedResponse(
        String rawFile,
        long offset,
        String fetchId,
        String warcType,
        URI targetUri,
        Instant warcDate,
        Map<String, String> fields,
        Integer httpStatus,
        String serverDate,
        String serverAge,
        String etag,
        byte[] body) {

    public String field(String name) {
        return fields.get(name);
    }
}
