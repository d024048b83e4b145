package org.vaxslots.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** What the crawler needs to know of a body: is it whole JSON, is it empty, and the ids of a list. */
final class Bodies {
    /** Decoded bodies are cut here: a guard against gzip bombs. */
    static final int MAX_DECODED_BYTES = 64 * 1024 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Bodies() {}

    static byte[] decoded(Exchange x) throws IOException {
        if (!"gzip".equalsIgnoreCase(x.header("Content-Encoding"))) {
            return x.body();
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(x.body()))) {
            byte[] out = in.readNBytes(MAX_DECODED_BYTES + 1);
            if (out.length > MAX_DECODED_BYTES) {
                throw new IOException("gzip body inflates past " + MAX_DECODED_BYTES + " bytes");
            }
            return out;
        }
    }

    /** "ok", "empty" ({"centers":[]}, {"sessions":[]}) or "invalid_body" (not one whole JSON document). */
    static String outcome(Exchange x) {
        byte[] body;
        try {
            body = decoded(x);
        } catch (IOException e) {
            return "invalid_body";
        }
        return switch (JsonShape.of(body)) {
            case INVALID -> "invalid_body";
            case EMPTY_LIST -> "empty";
            case OTHER -> "ok";
        };
    }

    /** The integer {@code idField} of every element of the list {@code listField}. */
    static List<Integer> ids(byte[] body, String listField, String idField) throws IOException {
        JsonNode list = MAPPER.readTree(body).path(listField);
        List<Integer> ids = new ArrayList<>();
        for (JsonNode item : list) {
            if (item.path(idField).canConvertToInt()) {
                ids.add(item.path(idField).intValue());
            }
        }
        return ids;
    }
}
